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
import { PAYOUT_STATUSES, type PayoutStatus } from '@glimmer/contracts/payout/payout.messages';
import { PayoutMethod } from '../payout-methods/payout-method.entity';

/**
 * One payout: a paid project invoice owed to its creator. `attempts` counts the attempts
 * started; the next one is `attempts + 1`, due at `dispatchAt`; `dueBy` is the promise
 * (invoice paid + PAYOUT_MAX_DAYS).
 *
 *   needs_method ─(method added)─► scheduled ─► processing ─► paid
 *                                      ▲             │
 *                                      │             ├─► failed ─(backoff)─► processing …
 *                   (ops retry) needs_attention ◄────┘ (after PAYOUT_MAX_ATTEMPTS)
 *
 * Every state change is a conditional update in PayoutRepository, never a flush of a changed
 * entity: two workers racing on one payout cannot both move it.
 */
@Entity({ tableName: 'payout' })
@Unique({ name: 'payout_invoice_unique', properties: ['invoiceId'] })
// A creator's list, newest first, optionally by status (keyset on created_at, id).
@Index({
  name: 'payout_creator_created_idx',
  expression:
    'create index payout_creator_created_idx on payout (creator_id, created_at desc, id desc)',
})
@Index({
  name: 'payout_creator_status_created_idx',
  expression:
    'create index payout_creator_status_created_idx on payout (creator_id, status, created_at desc, id desc)',
})
// Ops' lists (needs_attention, failed), newest first.
@Index({
  name: 'payout_status_created_idx',
  expression: 'create index payout_status_created_idx on payout (status, created_at desc, id desc)',
})
@Index({ name: 'payout_project_idx', properties: ['projectId'] })
// The sweep: attempts due, and attempts whose worker vanished mid-call.
@Index({
  name: 'payout_due_idx',
  expression:
    "create index payout_due_idx on payout (dispatch_at) where status in ('scheduled', 'failed')",
})
@Index({
  name: 'payout_processing_idx',
  expression:
    "create index payout_processing_idx on payout (updated_at) where status = 'processing'",
})
@Check({ name: 'payout_check', expression: "(status = 'needs_method') = (dispatch_at is null)" })
@Check({ name: 'payout_check1', expression: "(status = 'paid') = (paid_at is not null)" })
export class Payout {
  [OptionalProps]?: 'attempts' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  invoiceId!: string;

  @Property({ type: 'uuid' })
  projectId!: string;

  @Property({ type: 'text' })
  projectTitle!: string;

  @Property({ type: 'uuid' })
  brandId!: string;

  @Property({ type: 'uuid' })
  creatorId!: string;

  @Property({ type: new BigIntType('number'), columnType: 'bigint' })
  @Check({ name: 'payout_amount_check', expression: 'amount > 0' })
  amount!: number;

  @Property({ type: 'text' })
  currency!: string;

  @Enum({ items: () => [...PAYOUT_STATUSES], type: 'text' })
  status!: PayoutStatus;

  @ManyToOne({
    entity: () => PayoutMethod,
    fieldName: 'payout_method_id',
    mapToPk: true,
    type: 'uuid',
    nullable: true,
    foreignKeyName: 'payout_payout_method_id_fkey',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  payoutMethodId: string | null = null;

  @Property({ type: 'timestamptz' })
  invoicePaidAt!: Date;

  @Property({ type: 'timestamptz' })
  dueBy!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  dispatchAt: Date | null = null;

  /** YYYY-MM-DD */
  @Property({ type: 'date', nullable: true })
  expectedDate: string | null = null;

  @Property({ type: 'integer', default: 0 })
  @Check({ name: 'payout_attempts_check', expression: 'attempts >= 0' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'text', nullable: true })
  providerReference: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  paidAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
