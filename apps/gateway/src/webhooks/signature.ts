import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'glimmer-signature';
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as the payment provider sends it. */
export function signPayload(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Compares in constant time; a missing or malformed header is simply not valid. */
export function isValidSignature(
  rawBody: Buffer | undefined,
  header: unknown,
  secret: string,
): boolean {
  if (!rawBody || typeof header !== 'string') return false;
  const match = SIGNATURE.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
