import {
  BigIntType,
  Check,
  Entity,
  Enum,
  Formula,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Opt,
} from '@mikro-orm/core';
import { positionSql } from '@glimmer/database/page-cursor';
import { Creator } from '../creators/creator.entity';

/** Today's date in UTC (YYYY-MM-DD): due dates are dates in UTC. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

export type OfferStatus = 'sent' | 'accepted' | 'declined' | 'withdrawn' | 'expired';

/** An offer of paid work to a creator in the brand's network, until accepted or closed. */
@Entity({ tableName: 'offer' })
@Index({ name: 'offer_brand_keyset_idx', properties: ['brandId', 'createdAt', 'id'] })
@Index({ name: 'offer_creator_keyset_idx', properties: ['creatorId', 'createdAt', 'id'] })
@Index({
  name: 'offer_sent_due_idx',
  expression: `create index offer_sent_due_idx on offer (due_date, id) where status = 'sent'`,
})
@Check({ name: 'offer_fee_check', expression: 'fee > 0' })
export class Offer {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @ManyToOne({
    entity: () => Creator,
    fieldName: 'creator_id',
    mapToPk: true,
    foreignKeyName: 'offer_creator_id_fkey',
    type: 'uuid',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  creatorId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  brief!: string;

  /** Minor units. */
  @Property({ type: new BigIntType('number') })
  fee!: number;

  @Property({ type: 'character', length: 3 })
  currency!: string;

  /** YYYY-MM-DD (UTC). */
  @Property({ type: 'date', fieldName: 'due_date' })
  dueDate!: string;

  @Property({ type: 'uuid', fieldName: 'cost_code_id' })
  costCodeId!: string;

  @Property({ type: 'text', fieldName: 'story_code' })
  storyCode!: string;

  @Enum({ items: ['sent', 'accepted', 'declined', 'withdrawn', 'expired'], type: 'text' })
  status!: OfferStatus;

  @Property({ type: 'uuid', fieldName: 'created_by' })
  createdBy!: string;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Property({ type: 'timestamptz', fieldName: 'decided_at', nullable: true })
  decidedAt: Date | null = null;

  /** `created_at` at microsecond precision, for keyset cursors (a Date keeps milliseconds). */
  @Formula((alias) => positionSql(`${alias}.created_at`), { type: 'text' })
  positionAt!: Opt<string>;
}

/** Whether the due date has passed (in UTC): a sent offer past it can no longer be accepted. */
export const isPastDue = (offer: Pick<Offer, 'dueDate'>, now = new Date()) =>
  offer.dueDate < todayUtc(now);
