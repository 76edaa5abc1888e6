import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000000Initial } from './20261121000000-initial';
import { Migration20270301000000KeyedRequestHashes } from './20270301000000-keyed-request-hashes';
import { Migration20270310000000EmailVerification } from './20270310000000-email-verification';
import { INBOX_RETENTION_MIGRATION } from '@glimmer/messaging/inbox/inbox-retention.migration';
import { Migration20270320000000AuthSessions } from './20270320000000-auth-sessions';
import { Migration20270425000000AuthRetention } from './20270425000000-auth-retention';

/** Applied in this order; never edit a migration that has shipped: add one. */
export const GATEWAY_MIGRATIONS: MigrationObject[] = [
  { name: '20261121000000-initial', class: Migration20261121000000Initial },
  {
    name: '20270301000000-keyed-request-hashes',
    class: Migration20270301000000KeyedRequestHashes,
  },
  {
    name: '20270310000000-email-verification',
    class: Migration20270310000000EmailVerification,
  },
  INBOX_RETENTION_MIGRATION,
  { name: '20270320000000-auth-sessions', class: Migration20270320000000AuthSessions },
  { name: '20270425000000-auth-retention', class: Migration20270425000000AuthRetention },
];
