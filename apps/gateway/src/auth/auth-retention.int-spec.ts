import { randomBytes, randomUUID } from 'node:crypto';
import { GatewayUnderTest, startGatewayUnderTest } from '../testing/gateway-harness';
import { AuthRetention } from './auth-retention';
import { sessionIdOfRefreshToken } from './sessions/session.service';

/** Past the default 720-hour retention, and just inside it. */
const LONG_AGO = `now() - interval '721 hours'`;
const RECENTLY = `now() - interval '719 hours'`;

/**
 * The auth records' retention against a real gateway: sessions made by login, refresh and
 * logout, backdated in SQL, then pruned — exactly the sessions ended (revoked or past their
 * life) longer than SESSION_RETENTION_HOURS ago go, with their refresh tokens, and expired
 * verification links past theirs; live sessions keep working.
 */
describe('auth retention (gateway)', () => {
  let gw: GatewayUnderTest;
  let admin: { name: string; email: string; password: string };
  let userId: string;

  beforeAll(async () => {
    // Batches of 2 make every rule loop; the periodic run is proven in the last test.
    gw = await startGatewayUnderTest('authret', {
      AUTH_PRUNE_BATCH: '2',
      AUTH_PRUNE_EVERY_MS: '1000',
    });
    const tag = randomUUID().slice(0, 8);
    admin = { name: 'Ada', email: `ada-${tag}@acme.example`, password: 'correct horse battery' };
    const signup = await gw.request('POST', '/v1/brands', {
      body: { name: 'Acme', currency: 'USD', financeEmail: `f-${tag}@acme.example`, admin },
    });
    expect(signup.status).toBe(201);
    [{ id: userId }] = await gw.sql<{ id: string }>(
      `select id from user_account where email = $1`,
      [admin.email],
    );
  });

  afterAll(async () => {
    await gw?.stop();
  });

  async function login(): Promise<{
    sessionId: string;
    accessToken: string;
    refreshToken: string;
  }> {
    const res = await gw.request('POST', '/v1/auth/login', {
      body: { email: admin.email, password: admin.password },
    });
    expect(res.status).toBe(200);
    const sessionId = sessionIdOfRefreshToken(res.body.refreshToken);
    expect(sessionId).not.toBeNull();
    return { sessionId: sessionId!, ...res.body };
  }

  async function refresh(refreshToken: string) {
    return gw.request('POST', '/v1/auth/refresh', { body: { refreshToken } });
  }

  /** Logs in, then refreshes `times` times: the session then has `times + 1` refresh tokens. */
  async function sessionRefreshed(times: number) {
    const session = await login();
    for (let i = 0; i < times; i++) {
      const res = await refresh(session.refreshToken);
      expect(res.status).toBe(200);
      Object.assign(session, res.body);
    }
    return session;
  }

  async function logout(accessToken: string) {
    expect((await gw.request('POST', '/v1/auth/logout', { token: accessToken })).status).toBe(204);
  }

  const sessionIds = async () =>
    (await gw.sql<{ id: string }>(`select id from auth_session where user_id = $1`, [userId])).map(
      (r) => r.id,
    );

  const tokensOf = async (sessionId: string) =>
    Number(
      (
        await gw.sql<{ n: string }>(
          `select count(*) as n from refresh_token where session_id = $1`,
          [sessionId],
        )
      )[0].n,
    );

  async function verificationLink(expiresAt: string, usedAt: string | null = null) {
    const hash = randomBytes(32).toString('hex');
    await gw.sql(
      `insert into email_verification (token_hash, user_id, expires_at, used_at, created_at)
       values ($1, $2, ${expiresAt}, ${usedAt ?? 'null'}, ${expiresAt} - interval '24 hours')`,
      [hash, userId],
    );
    return hash;
  }

  it('deletes exactly the sessions ended before the window, their tokens first, and old links', async () => {
    const live = await sessionRefreshed(2);
    const loggedOut = await sessionRefreshed(1);
    await logout(loggedOut.accessToken);
    const revokedLongAgo = await sessionRefreshed(3);
    await logout(revokedLongAgo.accessToken);
    const revokedRecently = await login();
    await logout(revokedRecently.accessToken);
    const expiredLongAgo = await sessionRefreshed(4);
    const expiredRecently = await login();
    // Revoked after it had expired: it ended at its expiry, long ago.
    const revokedAfterExpiry = await login();
    await logout(revokedAfterExpiry.accessToken);

    await gw.sql(`update auth_session set revoked_at = ${LONG_AGO} where id = $1`, [
      revokedLongAgo.sessionId,
    ]);
    await gw.sql(`update auth_session set revoked_at = ${RECENTLY} where id = $1`, [
      revokedRecently.sessionId,
    ]);
    await gw.sql(
      `update auth_session set created_at = ${LONG_AGO} - interval '14 days', expires_at = ${LONG_AGO}
        where id = $1`,
      [expiredLongAgo.sessionId],
    );
    await gw.sql(
      `update auth_session set created_at = ${RECENTLY} - interval '14 days', expires_at = ${RECENTLY}
        where id = $1`,
      [expiredRecently.sessionId],
    );
    await gw.sql(`update auth_session set expires_at = ${LONG_AGO} where id = $1`, [
      revokedAfterExpiry.sessionId,
    ]);
    // A live session that started long ago is still live.
    await gw.sql(`update auth_session set created_at = ${LONG_AGO} where id = $1`, [
      live.sessionId,
    ]);

    await gw.sql(`delete from email_verification where user_id = $1`, [userId]);
    const expiredLinkLongAgo = await verificationLink(LONG_AGO);
    const usedLinkLongAgo = await verificationLink(LONG_AGO, `${LONG_AGO} - interval '1 hour'`);
    const expiredLinkRecently = await verificationLink(RECENTLY);
    const usedLiveLink = await verificationLink(`now() + interval '1 hour'`, 'now()');

    // Twice: a periodic run already under way may have passed a table before it was backdated.
    await gw.app.get(AuthRetention).prune();
    await gw.app.get(AuthRetention).prune();

    expect((await sessionIds()).sort()).toEqual(
      [
        live.sessionId,
        loggedOut.sessionId,
        revokedRecently.sessionId,
        expiredRecently.sessionId,
      ].sort(),
    );
    for (const gone of [revokedLongAgo, expiredLongAgo, revokedAfterExpiry])
      expect(await tokensOf(gone.sessionId)).toBe(0);
    // Kept sessions keep every refresh token: a rotated one presented again still ends them.
    expect(await tokensOf(live.sessionId)).toBe(3);
    expect(await tokensOf(loggedOut.sessionId)).toBe(2);
    const links = await gw.sql<{ token_hash: string }>(
      `select token_hash from email_verification where user_id = $1`,
      [userId],
    );
    expect(links.map((l) => l.token_hash).sort()).toEqual(
      [expiredLinkRecently, usedLiveLink].sort(),
    );
    expect(links.map((l) => l.token_hash)).not.toContain(expiredLinkLongAgo);
    expect(links.map((l) => l.token_hash)).not.toContain(usedLinkLongAgo);

    // The live session works as before: its access token, then a refresh.
    const status = await gw.request('GET', '/v1/auth/verify-email', { token: live.accessToken });
    expect(status.status).toBe(200);
    const refreshed = await refresh(live.refreshToken);
    expect(refreshed.status).toBe(200);
    expect(
      (await gw.request('GET', '/v1/auth/verify-email', { token: refreshed.body.accessToken }))
        .status,
    ).toBe(200);
    // A pruned session's refresh token is simply unknown.
    expect((await refresh(expiredLongAgo.refreshToken)).body.code).toBe('refresh_token_invalid');
  });

  it('finds ended sessions and expired links through indexes, not by reading the tables', async () => {
    await gw.sql(`set enable_seqscan = off`);
    try {
      const plan = async (query: string) =>
        (await gw.sql<{ 'QUERY PLAN': string }>(`explain ${query}`))
          .map((r) => r['QUERY PLAN'])
          .join('\n');
      expect(
        await plan(
          `select ctid from auth_session where least(expires_at, revoked_at) < now() - make_interval(hours => 720)`,
        ),
      ).toContain('auth_session_ended_idx');
      expect(
        await plan(
          `select ctid from email_verification where expires_at < now() - make_interval(hours => 720)`,
        ),
      ).toContain('email_verification_expires_idx');
    } finally {
      await gw.sql(`reset enable_seqscan`);
    }
  });

  it('runs by itself every AUTH_PRUNE_EVERY_MS', async () => {
    const session = await login();
    await logout(session.accessToken);
    await gw.sql(`update auth_session set revoked_at = ${LONG_AGO} where id = $1`, [
      session.sessionId,
    ]);
    const deadline = Date.now() + 10_000;
    while ((await sessionIds()).includes(session.sessionId)) {
      if (Date.now() > deadline) throw new Error('the periodic prune never deleted the session');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await tokensOf(session.sessionId)).toBe(0);
  });
});
