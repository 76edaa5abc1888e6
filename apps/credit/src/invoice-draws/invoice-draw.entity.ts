import {
  BigIntType,
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { JournalTransactionKey } from '../ledger/journal-transaction.entity';
import type { SerializedError } from '@glimmer/errors/domain-error';

export const INVOICE_DRAW_STATUSES = ['drawn', 'refused'] as const;
export type InvoiceDrawStatus = (typeof INVOICE_DRAW_STATUSES)[number];

/**
 * The first decision for one invoice payment id, final, refusals included: a late duplicate of
 * a refused request must not draw after the caller was told no. No foreign key on cost_code_id:
 * a refusal may name a cost code that does not exist.
 */
@Entity({ tableName: 'invoice_draw' })
@Index({ name: 'invoice_draw_invoice_idx', properties: ['invoiceId'] })
@Check({
  name: 'invoice_draw_outcome',
  expression: `(status = 'drawn' and transaction_id is not null and error is null) or
      (status = 'refused' and transaction_id is null and error is not null)`,
})
export class InvoiceDraw {
  /** Set by the database (defaults) or read through a formula, never required to create one. */
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid', fieldName: 'payment_id' })
  paymentId!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @Property({ type: 'uuid', fieldName: 'invoice_id' })
  invoiceId!: string;

  @Property({ type: 'uuid', fieldName: 'cost_code_id' })
  costCodeId!: string;

  @Property({ type: new BigIntType('number') })
  @Check({ name: 'invoice_draw_amount_check', expression: 'amount > 0' })
  amount!: number;

  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Enum({ items: () => [...INVOICE_DRAW_STATUSES], type: 'text' })
  status!: InvoiceDrawStatus;

  /** The ledger's journal transaction of a draw (the ledger is SQL; the key references it). */
  @ManyToOne({
    entity: () => JournalTransactionKey,
    fieldName: 'transaction_id',
    mapToPk: true,
    type: 'uuid',
    nullable: true,
    unique: 'invoice_draw_transaction_id_key',
    foreignKeyName: 'invoice_draw_transaction_id_fkey',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  transactionId: string | null = null;

  /** Why a refused draw was refused, as the caller was told. */
  @Property({ type: 'jsonb', nullable: true })
  error: SerializedError | null = null;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Date;
}
