import type { MigrationObject } from '@mikro-orm/core';
import { Migration20270105000000Initial } from './20270105000000-initial';
import { Migration20270201000000PayoutAttempts } from './20270201000000-payout-attempts';
import { Migration20270301000000KeyedRequestHashes } from './20270301000000-keyed-request-hashes';
import { INBOX_RETENTION_MIGRATION } from '@glimmer/messaging/inbox/inbox-retention.migration';

/** Applied in this order; never edit a migration that has shipped: add one. */
export const PAYOUT_MIGRATIONS: MigrationObject[] = [
  { name: '20270105000000-initial', class: Migration20270105000000Initial },
  { name: '20270201000000-payout-attempts', class: Migration20270201000000PayoutAttempts },
  {
    name: '20270301000000-keyed-request-hashes',
    class: Migration20270301000000KeyedRequestHashes,
  },
  INBOX_RETENTION_MIGRATION,
];
