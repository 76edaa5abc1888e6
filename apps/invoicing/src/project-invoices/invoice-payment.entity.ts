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
  Unique,
} from '@mikro-orm/core';
import type { SerializedError } from '@glimmer/errors/domain-error';
import { INVOICE_PAYMENT_STATUSES, type InvoicePaymentStatus } from './invoice-payment';
import { ProjectInvoice } from './project-invoice.entity';

/**
 * One application of credit to a project invoice. `pending` holds its amount in the invoice's
 * amount_reserved until credit's answer is recorded (applied or rejected); its id is credit's
 * idempotency key.
 */
@Entity({ tableName: 'invoice_payment' })
@Unique({ name: 'invoice_payment_idempotency_key', properties: ['invoiceId', 'idempotencyKey'] })
@Index({
  name: 'invoice_payment_pending_idx',
  expression:
    "create index invoice_payment_pending_idx on invoice_payment (created_at) where status = 'pending'",
})
@Check({ name: 'invoice_payment_amount_check', expression: 'amount > 0' })
@Check({
  name: 'invoice_payment_rejection',
  expression: "(status = 'rejected') = (error is not null)",
})
export class InvoicePayment {
  [OptionalProps]?: 'error' | 'createdAt' | 'settledAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne({
    entity: () => ProjectInvoice,
    fieldName: 'invoice_id',
    foreignKeyName: 'invoice_payment_invoice_id_fkey',
    type: 'uuid',
    mapToPk: true,
    updateRule: 'no action',
    deleteRule: 'no action',
  })
  invoiceId!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @Property({ type: 'uuid', fieldName: 'cost_code_id' })
  costCodeId!: string;

  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'text', fieldName: 'idempotency_key' })
  idempotencyKey!: string;

  @Property({ type: 'text', fieldName: 'request_hash' })
  requestHash!: string;

  @Enum({ items: [...INVOICE_PAYMENT_STATUSES], type: 'text' })
  status!: InvoicePaymentStatus;

  /** Credit's refusal, answered again to a retry of the same request. */
  @Property({ type: 'jsonb', nullable: true })
  error: SerializedError | null = null;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt?: Date;

  @Property({ type: 'timestamptz', fieldName: 'settled_at', nullable: true })
  settledAt: Date | null = null;
}
