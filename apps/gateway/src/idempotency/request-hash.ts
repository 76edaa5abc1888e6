import { createHmac, hkdfSync } from 'node:crypto';
import { canonicalJson } from '@glimmer/database/idempotent-command';

/**
 * The key of {@link requestHash}: HKDF-SHA256 over JWT_SECRET with its own label, so the
 * idempotency table's hashes cannot be checked against guessed bodies (a sign-up password,
 * payout details) without the server secret, and the key is not the JWT signing key itself.
 */
export function requestHashKey(serverSecret: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', serverSecret, '', 'glimmer/gateway/idempotency-request-hash/v2', 32),
  );
}

/**
 * What makes two requests "the same request" for an Idempotency-Key: method, path, body.
 * HMAC-SHA256 keyed by {@link requestHashKey}: a plain hash of a body with a secret in it is a
 * guessing oracle for whoever reads the table.
 */
export function requestHash(key: Buffer, method: string, path: string, body: unknown): string {
  return createHmac('sha256', key)
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}
