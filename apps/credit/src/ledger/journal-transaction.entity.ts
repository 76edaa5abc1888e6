import { Entity, PrimaryKey } from '@mikro-orm/core';

/**
 * Only the target of `invoice_draw.transaction_id`'s foreign key, so the entity metadata
 * states the constraint the migration built. Nothing reads or writes journal transactions
 * through it: the ledger is SQL on purpose (LedgerService: conditional debits, lock order),
 * and the table is in CREDIT_SQL_TABLES, so the schema diff leaves the table itself alone.
 */
@Entity({ tableName: 'journal_transaction', readonly: true })
export class JournalTransactionKey {
  @PrimaryKey({ type: 'uuid' })
  id!: string;
}
