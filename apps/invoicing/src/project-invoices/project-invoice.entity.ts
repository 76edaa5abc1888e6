import {
  BigIntType,
  Check,
  Collection,
  Entity,
  Enum,
  Formula,
  Index,
  OneToMany,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import {
  PROJECT_INVOICE_STATUSES,
  type ProjectInvoiceStatus,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { positionSql } from '@glimmer/database/page-cursor';
import { ProjectInvoiceCostCode } from './project-invoice-cost-code.entity';

/**
 * The invoice of one completed project. The checks are the last line of defence: an invoice is
 * issued once per project and never paid (plus reserved) beyond its amount, whatever the code
 * above does.
 */
@Entity({ tableName: 'project_invoice' })
// A brand's list, newest first, optionally by status (keyset pagination on issued_at, id).
@Index({
  name: 'project_invoice_brand_issued_idx',
  expression:
    'create index project_invoice_brand_issued_idx on project_invoice (brand_id, issued_at desc, id desc)',
})
@Index({
  name: 'project_invoice_brand_status_issued_idx',
  expression:
    'create index project_invoice_brand_status_issued_idx on project_invoice (brand_id, status, issued_at desc, id desc)',
})
@Index({ name: 'project_invoice_creator_idx', properties: ['creatorId'] })
@Check({ name: 'project_invoice_amount_check', expression: 'amount > 0' })
@Check({ name: 'project_invoice_amount_paid_check', expression: 'amount_paid >= 0' })
@Check({ name: 'project_invoice_amount_reserved_check', expression: 'amount_reserved >= 0' })
@Check({
  name: 'project_invoice_never_overpaid',
  expression: 'amount_paid + amount_reserved <= amount',
})
@Check({
  name: 'project_invoice_paid_status',
  expression: "(status = 'paid') = (amount_paid = amount)",
})
export class ProjectInvoice {
  [OptionalProps]?:
    | 'amountPaid'
    | 'amountReserved'
    | 'issuedAt'
    | 'paidAt'
    | 'voidedAt'
    | 'updatedAt'
    | 'positionAt'
    | 'position';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'project_id', unique: 'project_invoice_project_key' })
  projectId!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @Property({ type: 'uuid', fieldName: 'creator_id' })
  creatorId!: string;

  @Property({ type: 'text' })
  title!: string;

  /** The offer's cost code, where the project's spend is booked. */
  @Property({ type: 'uuid', fieldName: 'cost_code_id' })
  costCodeId!: string;

  @Property({ type: 'text', fieldName: 'story_code' })
  storyCode!: string;

  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Property({ type: new BigIntType('number'), fieldName: 'amount_paid', default: 0 })
  amountPaid: number = 0;

  /** Held by payments waiting for credit's answer: not payable by anyone else meanwhile. */
  @Property({ type: new BigIntType('number'), fieldName: 'amount_reserved', default: 0 })
  amountReserved: number = 0;

  @Property({ type: 'text' })
  currency!: string;

  @Enum({ items: [...PROJECT_INVOICE_STATUSES], type: 'text' })
  status!: ProjectInvoiceStatus;

  @Property({ type: 'timestamptz', fieldName: 'issued_at', defaultRaw: 'now()' })
  issuedAt!: Date;

  @Property({ type: 'timestamptz', fieldName: 'paid_at', nullable: true })
  paidAt: Date | null = null;

  @Property({ type: 'timestamptz', fieldName: 'voided_at', nullable: true })
  voidedAt: Date | null = null;

  @Property({
    type: 'timestamptz',
    fieldName: 'updated_at',
    defaultRaw: 'now()',
    onUpdate: () => new Date(),
  })
  updatedAt?: Date;

  /** issued_at to the microsecond (a millisecond Date would skip rows), for keyset cursors. */
  @Formula((alias) => positionSql(`${alias}.issued_at`), { type: 'text' })
  positionAt!: string;

  /** Cost codes whose credit may pay the invoice: the offer's (attached at issue) and others. */
  @OneToMany({ entity: () => ProjectInvoiceCostCode, mappedBy: 'invoiceId' })
  attachedCostCodes = new Collection<ProjectInvoiceCostCode>(this);

  get position(): KeysetPosition {
    return { createdAt: this.positionAt, id: this.id };
  }
}
