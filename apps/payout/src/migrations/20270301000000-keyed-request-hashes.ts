import { Migration } from '@mikro-orm/migrations';

/**
 * The unkeyed SHA-256 `payout_method.request_hash` (over the raw details, account number
 * included, stored beside its masked last four digits) was a guessing oracle: about 10^4
 * guesses recovered a UK account number (issue 11). New hashes are HMAC-SHA256 keyed by a key
 * derived with HKDF from PAYOUT_ENCRYPTION_KEY (see SecretBox.keyedHash).
 *
 * SQL cannot open the sealed details to re-hash them, so the old hashes are cleared (the
 * column is nullable). Replays are unaffected: for a method without a hash the service
 * compares the retry's validated details with the method's stored ones (sealed fields opened
 * with the configured keys) — the same answer for the same request, `idempotency_key_reused`
 * for another. Safe to run twice: a cleared keyed hash falls back the same way.
 */
export const CLEAR_UNKEYED_REQUEST_HASHES = `update payout_method set request_hash = null
  where request_hash is not null`;

export class Migration20270301000000KeyedRequestHashes extends Migration {
  override async up(): Promise<void> {
    this.addSql(CLEAR_UNKEYED_REQUEST_HASHES);
  }
}
