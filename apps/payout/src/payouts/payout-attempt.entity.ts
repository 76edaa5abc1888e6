import { Check, Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Payout } from './payout.entity';

/**
 * Each attempt at sending a payout, so ops can see what happened when (the payout keeps only
 * the count and the last error). Written in the transaction that takes the attempt, settled in
 * the one that records the provider's answer.
 */
@Entity({ tableName: 'payout_attempt' })
@Check({ name: 'payout_attempt_check', expression: '(outcome is null) = (finished_at is null)' })
export class PayoutAttempt {
  @ManyToOne({
    entity: () => Payout,
    fieldName: 'payout_id',
    mapToPk: true,
    primary: true,
    type: 'uuid',
    foreignKeyName: 'payout_attempt_payout_id_fkey',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  payoutId!: string;

  @PrimaryKey({ type: 'integer', autoincrement: false })
  @Check({ name: 'payout_attempt_attempt_check', expression: 'attempt >= 1' })
  attempt!: number;

  @Property({ type: 'uuid', nullable: true })
  payoutMethodId: string | null = null;

  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  @Enum({ items: ['paid', 'failed'], type: 'text', nullable: true })
  outcome: 'paid' | 'failed' | null = null;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Property({ type: 'text', nullable: true })
  providerReference: string | null = null;
}
