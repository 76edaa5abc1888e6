import { createHash, randomBytes } from 'node:crypto';
import { INVITE_TOKEN_PATTERN } from '@glimmer/contracts/network/invite.messages';

/**
 * Invite tokens: 32 random bytes (base64url) that travel only in the email. Only their SHA-256
 * is stored, so a database leak reveals no usable token; a token is valid while its invite is
 * `sent` and before `expires_at`.
 */
export function newInviteToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A string that cannot be a token we issued is rejected before any lookup. */
export function isWellFormedToken(token: string): boolean {
  return INVITE_TOKEN_PATTERN.test(token);
}

export function inviteExpiry(now: Date, ttlHours: number): Date {
  return new Date(now.getTime() + ttlHours * 3_600_000);
}

/** A sent invite past its expiry reads as expired (it is never rewritten by a job). */
export function effectiveInviteStatus(
  status: 'sent' | 'accepted' | 'revoked',
  expiresAt: Date,
  now: Date,
): 'sent' | 'accepted' | 'revoked' | 'expired' {
  return status === 'sent' && expiresAt.getTime() <= now.getTime() ? 'expired' : status;
}

export function acceptUrl(base: string, token: string): string {
  const url = new URL(base);
  url.searchParams.set('token', token);
  return url.toString();
}
