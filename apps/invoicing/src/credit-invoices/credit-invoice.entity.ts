import {
  BigIntType,
  Check,
  Entity,
  Enum,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import {
  CREDIT_INVOICE_STATUSES,
  type CreditInvoiceStatus,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';

/**
 * One per deposit; its id is the deposit's creditInvoiceId. `version` is the highest deposit
 * version applied, so events arriving late or twice never move an invoice backwards.
 */
@Entity({ tableName: 'credit_invoice' })
// A brand's list, newest first, optionally by status (keyset pagination on issued_at, id).
@Index({
  name: 'credit_invoice_brand_status_issued_idx',
  expression:
    'create index credit_invoice_brand_status_issued_idx on credit_invoice (brand_id, status, issued_at desc, id desc)',
})
@Index({
  name: 'credit_invoice_brand_issued_idx',
  expression:
    'create index credit_invoice_brand_issued_idx on credit_invoice (brand_id, issued_at desc, id desc)',
})
@Check({ name: 'credit_invoice_amount_check', expression: 'amount > 0' })
@Check({ name: 'credit_invoice_version_check', expression: 'version >= 1' })
export class CreditInvoice {
  [OptionalProps]?: 'updatedAt' | 'position';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @Property({ type: 'uuid', fieldName: 'deposit_id', unique: 'credit_invoice_deposit_id_key' })
  depositId!: string;

  @Property({ type: 'uuid', fieldName: 'cost_code_id' })
  costCodeId!: string;

  @Property({ type: 'text', fieldName: 'cost_code' })
  costCode!: string;

  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Property({ type: 'text' })
  currency!: string;

  @Enum({ items: [...CREDIT_INVOICE_STATUSES], type: 'text' })
  status!: CreditInvoiceStatus;

  /** The deposit version this row reflects; only a higher one may replace it. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'timestamptz', fieldName: 'issued_at' })
  issuedAt!: Date;

  @Property({ type: 'timestamptz', fieldName: 'paid_at', nullable: true })
  paidAt!: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'voided_at', nullable: true })
  voidedAt!: Date | null;

  @Property({
    type: 'timestamptz',
    fieldName: 'updated_at',
    defaultRaw: 'now()',
    onUpdate: () => new Date(),
  })
  updatedAt?: Date;

  /** issued_at comes from the deposit at millisecond precision, so the ISO instant is exact. */
  get position(): KeysetPosition {
    return { createdAt: this.issuedAt.toISOString(), id: this.id };
  }
}
