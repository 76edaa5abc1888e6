import {
  BigIntType,
  Check,
  Entity,
  Enum,
  Formula,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import type { DepositStatus } from '@glimmer/contracts/credit/deposit.messages';
import {
  PAYMENT_NOTICE_OUTCOMES,
  PAYMENT_RESOLUTIONS,
  type PaymentNoticeOutcome,
  type PaymentResolution,
} from '@glimmer/contracts/credit/payment-notice.messages';
import { positionSql } from '@glimmer/database/page-cursor';
import { Deposit } from './deposit.entity';

/** What the notice's deposit expected, shown next to what was received. */
const depositColumn = (column: 'amount' | 'currency' | 'status') => (alias: object) =>
  `(select d.${column} from deposit d where d.id = ${String(alias)}.deposit_id)`;

/**
 * A payment the provider's webhook told us about, once per provider reference, with what
 * became of it. The ones that cleared nothing are money ops must refund or re-open; ops record
 * what they did (all four resolution fields together, once).
 */
@Entity({ tableName: 'payment_notice' })
@Index({ name: 'payment_notice_deposit_idx', properties: ['depositId'] })
// The open list (oldest first) and the resolved one, each on its own partial index.
@Index({
  name: 'payment_notice_open_idx',
  expression: `create index payment_notice_open_idx on payment_notice (received_at, id) where outcome <> 'applied' and resolved_at is null`,
})
@Index({
  name: 'payment_notice_resolved_idx',
  expression: `create index payment_notice_resolved_idx on payment_notice (received_at, id) where resolved_at is not null`,
})
@Check({
  name: 'payment_notice_resolved_once',
  expression: `(resolution is null and resolution_note is null and resolved_by is null and resolved_at is null)
        or (resolution is not null and resolution_note is not null and resolved_by is not null
          and resolved_at is not null and outcome <> 'applied')`,
})
export class PaymentNotice {
  /** Set by the database (defaults) or read through a formula, never required to create one. */
  [OptionalProps]?: 'receivedAt' | 'depositAmount' | 'depositCurrency' | 'depositStatus';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({
    type: 'text',
    fieldName: 'provider_reference',
    unique: 'payment_notice_provider_reference_key',
  })
  providerReference!: string;

  @Property({ type: 'uuid', fieldName: 'credit_invoice_id' })
  creditInvoiceId!: string;

  @ManyToOne({
    entity: () => Deposit,
    fieldName: 'deposit_id',
    mapToPk: true,
    type: 'uuid',
    foreignKeyName: 'payment_notice_deposit_id_fkey',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  depositId!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @Property({ type: new BigIntType('number') })
  @Check({ name: 'payment_notice_amount_check', expression: 'amount > 0' })
  amount!: number;

  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Enum({ items: () => [...PAYMENT_NOTICE_OUTCOMES], type: 'text' })
  outcome!: PaymentNoticeOutcome;

  @Property({ type: 'timestamptz', fieldName: 'signed_at', nullable: true })
  signedAt: Date | null = null;

  @Property({ type: 'timestamptz', fieldName: 'received_at', defaultRaw: 'now()' })
  receivedAt!: Date;

  @Enum({ items: () => [...PAYMENT_RESOLUTIONS], type: 'text', nullable: true })
  resolution: PaymentResolution | null = null;

  @Property({ type: 'text', fieldName: 'resolution_note', nullable: true })
  @Check({
    name: 'payment_notice_resolution_note_check',
    expression: '(char_length(resolution_note) >= 1) AND (char_length(resolution_note) <= 500)',
  })
  resolutionNote: string | null = null;

  @Property({ type: 'uuid', fieldName: 'resolved_by', nullable: true })
  resolvedBy: string | null = null;

  @Property({ type: 'text', fieldName: 'resolved_by_email', nullable: true })
  resolvedByEmail: string | null = null;

  @Property({ type: 'timestamptz', fieldName: 'resolved_at', nullable: true })
  resolvedAt: Date | null = null;

  /** The deposit's amount, currency and status (read with the notice: one select). */
  @Formula(depositColumn('amount'), { type: new BigIntType('number') })
  depositAmount!: number;

  @Formula(depositColumn('currency'), { type: 'text' })
  depositCurrency!: string;

  @Formula(depositColumn('status'), { type: 'text' })
  depositStatus!: DepositStatus;

  /** received_at to the microsecond, for keyset cursors (a millisecond ISO would skip rows). */
  @Formula((alias) => positionSql(`${String(alias)}.received_at`), { type: 'text', lazy: true })
  cursorAt?: string;
}
