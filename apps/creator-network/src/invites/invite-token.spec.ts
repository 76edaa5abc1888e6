import {
  acceptUrl,
  deriveInviteToken,
  effectiveInviteStatus,
  hashInviteToken,
  inviteExpiry,
  isWellFormedToken,
  issueInviteToken,
} from './invite-token';

describe('invite tokens', () => {
  it('are an HMAC of the invite id and a per-issue nonce, stored only as their SHA-256', () => {
    const secret = 'a-test-secret-of-at-least-32-characters';
    const id = '6f1c1f2e-4b7a-4a8e-9b59-0d3f1c2a7b10';
    const a = issueInviteToken(secret, id);
    const b = issueInviteToken(secret, id);
    expect(a.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.nonce).not.toBe(b.nonce);
    const token = deriveInviteToken(secret, id, a.nonce);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    // The same issue always yields the same token (a re-sent email carries the same link) ...
    expect(deriveInviteToken(secret, id, a.nonce)).toBe(token);
    expect(a.hash).toBe(hashInviteToken(token));
    // ... and nothing else does: another nonce, invite or secret.
    expect(deriveInviteToken(secret, id, b.nonce)).not.toBe(token);
    expect(deriveInviteToken(`${secret}x`, id, a.nonce)).not.toBe(token);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(isWellFormedToken(token)).toBe(true);
    expect(isWellFormedToken(`${token}x`)).toBe(false);
    expect(isWellFormedToken('not a token')).toBe(false);
  });

  it('expire after the configured hours; a sent invite past expiry reads as expired', () => {
    const now = new Date('2026-05-01T10:00:00.000Z');
    const expires = inviteExpiry(now, 168);
    expect(expires.toISOString()).toBe('2026-05-08T10:00:00.000Z');
    expect(effectiveInviteStatus('sent', expires, now)).toBe('sent');
    expect(effectiveInviteStatus('sent', expires, expires)).toBe('expired');
    expect(effectiveInviteStatus('accepted', expires, new Date('2027-01-01'))).toBe('accepted');
    expect(effectiveInviteStatus('revoked', expires, now)).toBe('revoked');
  });

  it('travel in the accept link as a query parameter', () => {
    expect(acceptUrl('https://app.glimmer.test/invites/accept', 'a-b_c')).toBe(
      'https://app.glimmer.test/invites/accept?token=a-b_c',
    );
  });
});
