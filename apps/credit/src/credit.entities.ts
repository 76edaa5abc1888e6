import { OUTBOX_INBOX_TABLES } from '@glimmer/messaging/outbox/outbox.sql';
import { CostCode } from './cost-codes/cost-code.entity';
import { Deposit } from './deposits/deposit.entity';
import { PaymentNotice } from './deposits/payment-notice.entity';
import { InvoiceDraw } from './invoice-draws/invoice-draw.entity';
import { JournalTransactionKey } from './ledger/journal-transaction.entity';
import { Transfer } from './transfers/transfer.entity';

/** Entities MikroORM discovers for the credit schema (the ledger itself is written with SQL). */
export const CREDIT_ENTITIES: Function[] = [
  CostCode,
  Deposit,
  Transfer,
  InvoiceDraw,
  PaymentNotice,
  // A key only (invoice_draw's foreign key target); the journal itself is the ledger's SQL.
  JournalTransactionKey,
];

/** Tables of this schema written with SQL on purpose: no entity, left out of the schema diff. */
export const CREDIT_SQL_TABLES: readonly string[] = [
  ...OUTBOX_INBOX_TABLES,
  // The double-entry ledger: conditional debits and a fixed lock order (see ledger.service.ts).
  'ledger_account',
  'journal_transaction',
  'journal_entry',
];
