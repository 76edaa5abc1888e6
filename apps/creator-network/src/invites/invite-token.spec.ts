import {
  acceptUrl,
  effectiveInviteStatus,
  hashInviteToken,
  inviteExpiry,
  isWellFormedToken,
  newInviteToken,
} from './invite-token';

describe('invite tokens', () => {
  it('are 32 random bytes in base64url, stored only as their SHA-256', () => {
    const a = newInviteToken();
    const b = newInviteToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashInviteToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
    expect(isWellFormedToken(a.token)).toBe(true);
    expect(isWellFormedToken(`${a.token}x`)).toBe(false);
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
