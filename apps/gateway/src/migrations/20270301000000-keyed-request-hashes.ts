import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency records now hold HMAC-SHA256 hashes keyed by a secret derived from JWT_SECRET
 * (issue 11): the unkeyed SHA-256 of whole bodies let whoever read the table test guesses of a
 * sign-up password or payout details. The old hashes cannot be re-keyed (the bodies are not
 * kept), so they are deleted rather than kept beside a second, legacy comparison.
 *
 * Why deleting is safe: these rows are an optimisation, not the guarantee — every service
 * de-duplicates the same Idempotency-Key in its own durable transaction, so a client retry of a
 * request whose record is gone is answered by the service's replay (the same result), not run
 * twice. Records expire after IDEMPOTENCY_TTL_HOURS anyway. What remains: during a rolling
 * deploy an old replica may still write an unkeyed hash; a retry of that request reaching a new
 * replica within the TTL is refused as `idempotency_key_reused` (409) instead of replayed.
 */
export class Migration20270301000000KeyedRequestHashes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`delete from idempotency_record`);
  }
}
