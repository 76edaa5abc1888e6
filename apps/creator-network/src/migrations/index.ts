import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201000000Initial } from './20261201000000-initial';
import { Migration20261215000000PhotoAndOfferExpiry } from './20261215000000-photo-and-offer-expiry';
import { Migration20261221000000SampleFiles } from './20261221000000-sample-files';
import { Migration20261231000000ProfileCountryOptional } from './20261231000000-profile-country-optional';
import { Migration20270101000000IdempotencyRecords } from './20270101000000-idempotency-records';
import { Migration20270103120000OfferDueIndex } from './20270103120000-offer-due-index';
import { Migration20270110000000InviteTokensOutOfTheOutbox } from './20270110000000-invite-tokens-out-of-the-outbox';
import { Migration20270310000000InviteSends } from './20270310000000-invite-sends';
import { INBOX_RETENTION_MIGRATION } from '@glimmer/messaging/inbox/inbox-retention.migration';
import { Migration20270110000000StoredFileMetadata } from './20270110000000-stored-file-metadata';

/** Applied in this order; never edit a migration that has shipped: add one. */
export const NETWORK_MIGRATIONS: MigrationObject[] = [
  { name: '20261201000000-initial', class: Migration20261201000000Initial },
  {
    name: '20261215000000-photo-and-offer-expiry',
    class: Migration20261215000000PhotoAndOfferExpiry,
  },
  { name: '20261221000000-sample-files', class: Migration20261221000000SampleFiles },
  {
    name: '20261231000000-profile-country-optional',
    class: Migration20261231000000ProfileCountryOptional,
  },
  { name: '20270101000000-idempotency-records', class: Migration20270101000000IdempotencyRecords },
  { name: '20270103120000-offer-due-index', class: Migration20270103120000OfferDueIndex },
  {
    name: '20270110000000-invite-tokens-out-of-the-outbox',
    class: Migration20270110000000InviteTokensOutOfTheOutbox,
  },
  { name: '20270310000000-invite-sends', class: Migration20270310000000InviteSends },
  INBOX_RETENTION_MIGRATION,
  {
    name: '20270110000000-stored-file-metadata',
    class: Migration20270110000000StoredFileMetadata,
  },
];
