import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000100Initial } from './20261121000100-initial';
import { Migration20261220000100ProjectInvoices } from './20261220000100-project-invoices';
import { INBOX_RETENTION_MIGRATION } from '@glimmer/messaging/inbox/inbox-retention.migration';

/** Applied in this order; never edit a migration that has shipped: add one. */
export const INVOICING_MIGRATIONS: MigrationObject[] = [
  { name: '20261121000100-initial', class: Migration20261121000100Initial },
  { name: '20261220000100-project-invoices', class: Migration20261220000100ProjectInvoices },
  INBOX_RETENTION_MIGRATION,
];
