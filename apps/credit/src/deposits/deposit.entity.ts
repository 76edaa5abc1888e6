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
  Unique,
} from '@mikro-orm/core';
import { DEPOSIT_STATUSES, type DepositStatus } from '@glimmer/contracts/credit/deposit.messages';
import { positionSql } from '@glimmer/database/page-cursor';
import { CostCode } from '../cost-codes/cost-code.entity';

/** The cost code's label, which views and event snapshots show next to the deposit. */
const costCodeColumn = (column: 'code' | 'name') => (alias: object) =>
  `(select c.${column} from cost_code c where c.id = ${String(alias)}.cost_code_id)`;

/**
 * Credit a brand adds to a cost code: pending (its credit invoice is out) until cleared, or
 * voided with its invoice. Every change bumps `version`, which its events carry.
 */
@Entity({ tableName: 'deposit' })
@Unique({ name: 'deposit_brand_idempotency_key', properties: ['brandId', 'idempotencyKey'] })
// The scheduler's sweep pages through pending deposits by id.
@Index({
  name: 'deposit_pending_idx',
  expression: `create index deposit_pending_idx on deposit (id) where status = 'pending'`,
})
@Index({
  name: 'deposit_cost_code_pending_idx',
  expression: `create index deposit_cost_code_pending_idx on deposit (cost_code_id) where status = 'pending'`,
})
// Ops' list by status, oldest first.
@Index({ name: 'deposit_status_created_idx', properties: ['status', 'createdAt', 'id'] })
// Counting a brand's unpaid deposits (the CREDIT_MAX_UNPAID_DEPOSITS cap) reads only those.
@Index({
  name: 'deposit_brand_unpaid_idx',
  expression: `create index deposit_brand_unpaid_idx on deposit (brand_id) where status = 'pending' and funds_confirmed_at is null`,
})
// The credits overview's pending total sums a brand's pending deposits.
@Index({
  name: 'deposit_brand_pending_idx',
  expression: `create index deposit_brand_pending_idx on deposit (brand_id) include (amount) where status = 'pending'`,
})
export class Deposit {
  /** Set by the database (defaults) or read through a formula, never required to create one. */
  [OptionalProps]?: 'createdAt' | 'version' | 'costCode' | 'costCodeName';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @ManyToOne({
    entity: () => CostCode,
    fieldName: 'cost_code_id',
    mapToPk: true,
    type: 'uuid',
    foreignKeyName: 'deposit_cost_code_id_fkey',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  costCodeId!: string;

  @Property({ type: new BigIntType('number') })
  @Check({ name: 'deposit_amount_check', expression: 'amount > 0' })
  amount!: number;

  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Enum({ items: () => [...DEPOSIT_STATUSES], type: 'text' })
  status!: DepositStatus;

  @Property({
    type: 'uuid',
    fieldName: 'credit_invoice_id',
    unique: 'deposit_credit_invoice_id_key',
  })
  creditInvoiceId!: string;

  @Property({ type: 'text', fieldName: 'idempotency_key' })
  idempotencyKey!: string;

  @Property({ type: 'text', fieldName: 'request_hash' })
  requestHash!: string;

  @Property({ type: 'integer', default: 1 })
  version!: number;

  @Property({ type: 'timestamptz', fieldName: 'funds_confirmed_at', nullable: true })
  fundsConfirmedAt: Date | null = null;

  @Property({ type: 'text', fieldName: 'funds_confirmed_by', nullable: true })
  fundsConfirmedBy: string | null = null;

  @Property({ type: 'timestamptz', fieldName: 'cleared_at', nullable: true })
  clearedAt: Date | null = null;

  @Property({ type: 'timestamptz', fieldName: 'voided_at', nullable: true })
  voidedAt: Date | null = null;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Date;

  /** The cost code's code and name (read with the deposit: one select, as the join did). */
  @Formula(costCodeColumn('code'), { type: 'text' })
  costCode!: string;

  @Formula(costCodeColumn('name'), { type: 'text' })
  costCodeName!: string;

  /** created_at to the microsecond, for keyset cursors (a millisecond ISO would skip rows). */
  @Formula((alias) => positionSql(`${String(alias)}.created_at`), { type: 'text', lazy: true })
  cursorAt?: string;
}
