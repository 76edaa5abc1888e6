import { OUTBOX_INBOX_TABLES } from '@glimmer/messaging/outbox/outbox.sql';

/** Entities MikroORM discovers for the credit schema (the ledger itself is written with SQL). */
export const CREDIT_ENTITIES: Function[] = [];

/** Tables of this schema written with SQL on purpose: no entity, left out of the schema diff. */
export const CREDIT_SQL_TABLES: readonly string[] = [
  ...OUTBOX_INBOX_TABLES,
  // The double-entry ledger: conditional debits and a fixed lock order (see ledger.service.ts).
  'ledger_account',
  'journal_transaction',
  'journal_entry',
];
