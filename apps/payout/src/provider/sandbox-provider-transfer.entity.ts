import {
  BigIntType,
  Entity,
  Enum,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';

/**
 * The sandbox provider's own books, as a real provider keeps them: one transfer per idempotency
 * key, whose stored outcome answers every repeat of the key.
 */
@Entity({ tableName: 'sandbox_provider_transfer' })
@Index({ name: 'sandbox_provider_transfer_payout_idx', properties: ['payoutId'] })
export class SandboxProviderTransfer {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'text' })
  idempotencyKey!: string;

  @Property({ type: 'uuid' })
  payoutId!: string;

  @Property({ type: new BigIntType('number'), columnType: 'bigint' })
  amount!: number;

  @Property({ type: 'text' })
  currency!: string;

  @Enum({ items: ['paid', 'failed'], type: 'text' })
  outcome!: 'paid' | 'failed';

  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
