import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201000000Initial } from './20261201000000-initial';
import { Migration20261215000000PhotoAndOfferExpiry } from './20261215000000-photo-and-offer-expiry';
import { Migration20261221000000SampleFiles } from './20261221000000-sample-files';
import { Migration20261231000000ProfileCountryOptional } from './20261231000000-profile-country-optional';
import { Migration20270101000000IdempotencyRecords } from './20270101000000-idempotency-records';
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
  {
    name: '20270110000000-stored-file-metadata',
    class: Migration20270110000000StoredFileMetadata,
  },
];
