import { Migration } from '@mikro-orm/migrations';

/**
 * Creates guarded by an Idempotency-Key (offers, invites): the key, the request it was bound
 * to and what it made, written in the same transaction as the row and its outbox event, so a
 * retried request replays the first result instead of making a second one.
 */
export class Migration20270101000000IdempotencyRecords extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table idempotency_record (
      brand_id uuid not null,
      scope text not null check (scope in ('offer', 'invite')),
      idempotency_key text not null,
      request_hash text not null,
      result_id uuid not null,
      created_at timestamptz not null default now(),
      constraint idempotency_record_key unique (brand_id, scope, idempotency_key)
    )`);
  }
}
