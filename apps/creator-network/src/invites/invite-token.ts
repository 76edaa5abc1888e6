import { createHash, createHmac, randomBytes } from 'node:crypto';
import { INVITE_TOKEN_PATTERN } from '@glimmer/contracts/network/invite.messages';
import { DomainError } from '@glimmer/errors/domain-error';

/**
 * Invite tokens are derived, never stored: token = base64url(HMAC-SHA256(INVITE_TOKEN_SECRET,
 * `<inviteId>:<nonce>`)), where the nonce is random per issue (the invite and each resend).
 * The invite row keeps only the token's SHA-256 (a database leak reveals no usable token); the
 * event that asks for the email carries the id and nonce, which are useless without the secret.
 * A token is valid while its invite is `sent`, before `expires_at`, and while it is the latest
 * issue (a resend replaces the hash).
 */
export function issueInviteToken(
  secret: string,
  inviteId: string,
): { nonce: string; hash: string } {
  const nonce = randomBytes(16).toString('base64url');
  return { nonce, hash: hashInviteToken(deriveInviteToken(secret, inviteId, nonce)) };
}

export function deriveInviteToken(secret: string, inviteId: string, nonce: string): string {
  return createHmac('sha256', secret).update(`${inviteId}:${nonce}`, 'utf8').digest('base64url');
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token that is not (or no longer) one of ours: the same answer whatever the reason. */
export const invalidInviteToken = () =>
  new DomainError('invite_token_invalid', 'this invite link is not valid; ask for a new invite');

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
