import { Migration } from '@mikro-orm/migrations';

/**
 * Each attempt at sending a payout, so ops can see what happened when (the payout row keeps only
 * the count and the last error), and ops' list of payouts by status.
 */
export class Migration20270201000000PayoutAttempts extends Migration {
  override async up(): Promise<void> {
    // Written in the transaction that takes the attempt, and settled in the one that records
    // the provider's answer. No row for attempts made before this migration.
    this.addSql(`create table payout_attempt (
      payout_id uuid not null references payout (id),
      attempt int not null check (attempt >= 1),
      payout_method_id uuid,
      started_at timestamptz not null,
      finished_at timestamptz,
      outcome text check (outcome in ('paid', 'failed')),
      error text,
      provider_reference text,
      primary key (payout_id, attempt),
      check ((outcome is null) = (finished_at is null))
    )`);
    // Ops' lists (needs_attention, failed), newest first, keyset on (created_at, id).
    this.addSql(`create index payout_status_created_idx
      on payout (status, created_at desc, id desc)`);
  }
}
