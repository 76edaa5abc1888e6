import { accountKey, backoffMs, retryAfterSeconds, tenantOf } from './rate-limit.policy';

describe('rate-limit policy', () => {
  it('lets the first failures through, then doubles the wait up to the cap', () => {
    const wait = (n: number) => backoffMs(n, 3, 1_000, 10_000);
    expect([0, 1, 2].map(wait)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 7].map(wait)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect(wait(10_000)).toBe(10_000);
  });

  it('keys a signed-in caller by brand, else creator, else user', () => {
    expect(tenantOf({ userId: 'u', brandId: 'b', creatorId: 'c' })).toBe('brand:b');
    expect(tenantOf({ userId: 'u', creatorId: 'c' })).toBe('creator:c');
    expect(tenantOf({ userId: 'u' })).toBe('user:u');
    expect(tenantOf(undefined)).toBeUndefined();
  });

  it('keys accounts by a hash of the normalised email, never the address', () => {
    expect(accountKey(' Ada@Example.com ')).toBe(accountKey('ada@example.com'));
    expect(accountKey('ada@example.com')).not.toContain('ada');
    expect(accountKey('ada@example.com')).not.toBe(accountKey('bob@example.com'));
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect([0, 1, 999, 1_000, 1_001].map(retryAfterSeconds)).toEqual([1, 1, 1, 1, 2]);
  });
});
