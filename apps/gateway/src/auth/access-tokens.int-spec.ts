import { randomUUID } from 'node:crypto';
import { GatewayUnderTest, startGatewayUnderTest } from '../testing/gateway-harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The gateway verifies an access token once and reuses the result (SessionService): a token it
 * has already accepted must still expire on time, still be refused once its session ends —
 * whichever replica ended it — and a token differing from it in any byte is a stranger.
 */
describe('access tokens already accepted', () => {
  let gw: GatewayUnderTest;
  const brandMember = () => ({
    role: 'brand' as const,
    email: `member-${randomUUID().slice(0, 8)}@tokens.example`,
    name: 'Member',
    brandId: randomUUID(),
    currency: 'USD' as const,
  });
  const me = (token: string) => gw.request('GET', '/v1/me', { token });

  beforeAll(async () => {
    gw = await startGatewayUnderTest('access-tokens', {
      // Shortest lifetime allowed; and no session-check cache, so a revocation made elsewhere
      // (another replica) shows on the very next request.
      JWT_TTL_SECONDS: '2',
      SESSION_CHECK_CACHE_MS: '0',
    });
  });

  afterAll(async () => {
    await gw?.stop();
  });

  it('expires on time (401 token_expired), however often it was used', async () => {
    const token = await gw.tokenFor(brandMember());
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      exp: number;
    };
    // Used until just before its expiry…
    while (Date.now() < exp * 1000 - 300) {
      expect((await me(token)).status).toBe(200);
      await sleep(100);
    }
    // …and refused from the second it expires, as jsonwebtoken judges it.
    await sleep(exp * 1000 - Date.now() + 20);
    const expired = await me(token);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('token_expired');
  });

  it('is refused at once after logout', async () => {
    const token = await gw.tokenFor(brandMember());
    expect((await me(token)).status).toBe(200);
    expect((await gw.request('POST', '/v1/auth/logout', { token })).status).toBe(204);
    const after = await me(token);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
  });

  it('is refused once its session is revoked by another replica', async () => {
    const token = await gw.tokenFor(brandMember());
    const first = await me(token);
    expect(first.status).toBe(200);
    await gw.sql(
      `update auth_session set revoked_at = now(), revoked_reason = 'ops'
        where user_id = $1 and revoked_at is null`,
      [first.body.userId],
    );
    const after = await me(token);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
  });

  it('names only its own holder: a token altered in its signature or claims is refused', async () => {
    const member = brandMember();
    const token = await gw.tokenFor(member);
    expect((await me(token)).body.email).toBe(member.email);
    const [header, payload, signature] = token.split('.');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { email: string };
    const forged = Buffer.from(JSON.stringify({ ...claims, email: 'other@tokens.example' }));
    for (const altered of [
      `${header}.${payload}.${flipped}`,
      `${header}.${forged.toString('base64url')}.${signature}`,
    ]) {
      const res = await me(altered);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthenticated');
    }
    // The genuine token still works.
    const again = await me(token);
    expect(again.status).toBe(200);
    expect(again.body.email).toBe(member.email);
  });
});
