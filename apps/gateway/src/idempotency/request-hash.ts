import { hkdfSync } from 'node:crypto';
import { requestHash } from '@glimmer/database/idempotent-command';

/**
 * The key of {@link gatewayRequestHash}: HKDF-SHA256 over JWT_SECRET with its own label, so the
 * idempotency table's hashes cannot be checked against guessed bodies (a sign-up password,
 * payout details) without the server secret, and the key is not the JWT signing key itself.
 */
export function requestHashKey(serverSecret: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', serverSecret, '', 'glimmer/gateway/idempotency-request-hash/v2', 32),
  );
}

/**
 * What makes two requests "the same request" for an Idempotency-Key at the gateway: method,
 * path and body, hashed by the one request hash (libs/database) keyed by {@link requestHashKey}.
 */
export function gatewayRequestHash(
  key: Buffer,
  method: string,
  path: string,
  body: unknown,
): string {
  return requestHash({ method: method.toUpperCase(), path, body }, key);
}
