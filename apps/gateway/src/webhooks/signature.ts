import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'glimmer-signature';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as the payment provider sends it
 * (the scheme Stripe uses). Signing the time with the body is what lets a captured notice
 * expire: replayed later, its `t` is outside the tolerance and it cannot be re-signed.
 */
export function signPayload(
  rawBody: Buffer | string,
  secret: string,
  at: Date = new Date(),
): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(t, rawBody, secret).toString('hex')}`;
}

export type SignatureCheck =
  { ok: true; signedAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Checks the header against the raw body: any one `v1` may match (several during a secret
 * rotation), compared in constant time; then the signed time must be within `toleranceSeconds`
 * of `now`. A missing or malformed header is simply not valid.
 */
export function checkSignature(
  rawBody: Buffer | undefined,
  header: unknown,
  secret: string,
  toleranceSeconds: number,
  now: Date = new Date(),
): SignatureCheck {
  const parsed = parseHeader(header);
  if (!rawBody || !parsed) return { ok: false, reason: 'invalid' };
  const expected = hmac(parsed.t, rawBody, secret);
  const matches = parsed.signatures.some((given) => timingSafeEqual(given, expected));
  if (!matches) return { ok: false, reason: 'invalid' };
  if (Math.abs(now.getTime() / 1000 - parsed.t) > toleranceSeconds) {
    return { ok: false, reason: 'expired' };
  }
  return { ok: true, signedAt: new Date(parsed.t * 1000) };
}

function hmac(t: number, rawBody: Buffer | string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
}

/** `t` once, one or more 32-byte `v1`s; other schemes (a future `v2`) are ignored. */
function parseHeader(header: unknown): { t: number; signatures: Buffer[] } | null {
  if (typeof header !== 'string') return null;
  let t: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (value === undefined || rest.length) return null;
    if (key === 't') {
      if (t !== undefined || !UNIX_SECONDS.test(value)) return null;
      t = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return null;
      signatures.push(Buffer.from(value, 'hex'));
    }
  }
  return t === undefined || signatures.length === 0 ? null : { t, signatures };
}
