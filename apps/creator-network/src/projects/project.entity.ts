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
import { Contract } from '../offers/contract.entity';
import { Offer } from '../offers/offer.entity';

export type ProjectStatus = 'active' | 'completed';

/** The work an accepted offer started; completed once both parties have marked it. */
@Entity({ tableName: 'project' })
@Index({ name: 'project_brand_keyset_idx', properties: ['brandId', 'createdAt', 'id'] })
@Index({ name: 'project_creator_keyset_idx', properties: ['creatorId', 'createdAt', 'id'] })
@Check({ name: 'project_fee_check', expression: 'fee > 0' })
@Check({
  name: 'project_completed',
  expression: `(status = 'completed') = (completed_at is not null)`,
})
export class Project {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne({
    entity: () => Offer,
    fieldName: 'offer_id',
    mapToPk: true,
    foreignKeyName: 'project_offer_id_fkey',
    type: 'uuid',
    unique: 'project_offer_id_key',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  offerId!: string;

  @ManyToOne({
    entity: () => Contract,
    fieldName: 'contract_id',
    mapToPk: true,
    foreignKeyName: 'project_contract_id_fkey',
    type: 'uuid',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  contractId!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @ManyToOne({
    entity: () => Creator,
    fieldName: 'creator_id',
    mapToPk: true,
    foreignKeyName: 'project_creator_id_fkey',
    type: 'uuid',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  creatorId!: string;

  @Property({ type: 'text' })
  title!: string;

  /** Minor units. */
  @Property({ type: new BigIntType('number') })
  fee!: number;

  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Property({ type: 'uuid', fieldName: 'cost_code_id' })
  costCodeId!: string;

  @Property({ type: 'text', fieldName: 'story_code' })
  storyCode!: string;

  @Enum({ items: ['active', 'completed'], type: 'text' })
  status!: ProjectStatus;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Property({ type: 'timestamptz', fieldName: 'completed_by_brand_at', nullable: true })
  completedByBrandAt: Date | null = null;

  @Property({ type: 'timestamptz', fieldName: 'completed_by_creator_at', nullable: true })
  completedByCreatorAt: Date | null = null;

  @Property({ type: 'timestamptz', fieldName: 'completed_at', nullable: true })
  completedAt: Date | null = null;

  /** `created_at` at microsecond precision, for keyset cursors (a Date keeps milliseconds). */
  @Formula((alias) => positionSql(`${alias}.created_at`), { type: 'text' })
  positionAt!: Opt<string>;
}
