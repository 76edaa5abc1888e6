import {
  BigIntType,
  Check,
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { CostCode } from '../cost-codes/cost-code.entity';

/** Available credit moved between two of a brand's cost codes (the ledger holds the movement). */
@Entity({ tableName: 'transfer' })
@Unique({ name: 'transfer_brand_idempotency_key', properties: ['brandId', 'idempotencyKey'] })
@Check({
  name: 'transfer_distinct_cost_codes',
  expression: 'from_cost_code_id <> to_cost_code_id',
})
export class Transfer {
  /** Set by the database (defaults) or read through a formula, never required to create one. */
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @ManyToOne({
    entity: () => CostCode,
    fieldName: 'from_cost_code_id',
    mapToPk: true,
    type: 'uuid',
    foreignKeyName: 'transfer_from_cost_code_id_fkey',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  fromCostCodeId!: string;

  @ManyToOne({
    entity: () => CostCode,
    fieldName: 'to_cost_code_id',
    mapToPk: true,
    type: 'uuid',
    foreignKeyName: 'transfer_to_cost_code_id_fkey',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  toCostCodeId!: string;

  @Property({ type: new BigIntType('number') })
  @Check({ name: 'transfer_amount_check', expression: 'amount > 0' })
  amount!: number;

  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Property({ type: 'text', fieldName: 'idempotency_key' })
  idempotencyKey!: string;

  @Property({ type: 'text', fieldName: 'request_hash' })
  requestHash!: string;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Date;
}
