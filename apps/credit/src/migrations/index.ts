import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121000000Initial } from './20261121000000-initial';
import { Migration20261220000000InvoiceDraws } from './20261220000000-invoice-draws';
import { Migration20270201000000OpsDepositList } from './20270201000000-ops-deposit-list';
import { Migration20270301000000PaymentNotices } from './20270301000000-payment-notices';
import { Migration20270310000000UnpaidDepositCap } from './20270310000000-unpaid-deposit-cap';
import { Migration20270420000000PaymentNoticeResolutions } from './20270420000000-payment-notice-resolutions';
import { Migration20270501000000LedgerPostFunction } from './20270501000000-ledger-post-function';
import { Migration20270601000000OverviewPages } from './20270601000000-overview-pages';
import { INBOX_RETENTION_MIGRATION } from '@glimmer/messaging/inbox/inbox-retention.migration';

/** Applied in this order; never edit a migration that has shipped: add one. */
export const CREDIT_MIGRATIONS: MigrationObject[] = [
  { name: '20261121000000-initial', class: Migration20261121000000Initial },
  { name: '20261220000000-invoice-draws', class: Migration20261220000000InvoiceDraws },
  { name: '20270201000000-ops-deposit-list', class: Migration20270201000000OpsDepositList },
  { name: '20270301000000-payment-notices', class: Migration20270301000000PaymentNotices },
  { name: '20270310000000-unpaid-deposit-cap', class: Migration20270310000000UnpaidDepositCap },
  INBOX_RETENTION_MIGRATION,
  {
    name: '20270420000000-payment-notice-resolutions',
    class: Migration20270420000000PaymentNoticeResolutions,
  },
  { name: '20270501000000-ledger-post-function', class: Migration20270501000000LedgerPostFunction },
  { name: '20270601000000-overview-pages', class: Migration20270601000000OverviewPages },
];
