import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '@glimmer/testing/eventually';
import { login, signUpBrand, SignedUpBrand } from './support/factories';
import { Api, ApiResponse } from './support/http';
import { GlimmerSystem, OPS } from './support/system';

/** Access tokens live 3 s here (production: 15 min), so expiry and refresh are seen quickly. */
const ACCESS_TTL_MS = 3_000;
/** The README's promise: a revocation applies everywhere within SESSION_CHECK_CACHE_MS (5 s). */
const REVOCATION_BOUND_MS = 5_000;
const PASSWORD = 'creator-pass-123';

/**
 * An API client that keeps its session going as the README says clients should: on 401
 * `token_expired` it trades its refresh token for a new pair once and retries.
 */
class SessionClient {
  refreshes = 0;
  constructor(
    private readonly anon: Api,
    public tokens: { accessToken: string; refreshToken: string },
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    // One Idempotency-Key per call, kept for the retry after a refresh.
    const idempotencyKey = method === 'POST' ? randomUUID() : undefined;
    const send = () =>
      this.anon.as(this.tokens.accessToken).request(method, path, body, { idempotencyKey });
    const first = await send();
    if (first.status !== 401 || first.body?.code !== 'token_expired') return first;
    const refreshed = await this.anon.post('/v1/auth/refresh', {
      refreshToken: this.tokens.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    this.tokens = refreshed.body;
    this.refreshes++;
    return send();
  }
}

describe('payout-method changes need the password; sessions are revocable and refresh', () => {
  const system = new GlimmerSystem('sessions', {
    JWT_TTL_SECONDS: String(ACCESS_TTL_MS / 1000),
    // Three wrong passwords put an account in its backoff (production: five).
    RATE_LIMIT_LOGIN_FAILURES: '3',
    RATE_LIMIT_LOGIN_BACKOFF_BASE_MS: '10000',
  });
  let anon: Api;
  let brand: SignedUpBrand;
  let db: Client;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    brand = await signUpBrand(anon);
    db = new Client({ connectionString: system.env.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await system.stop();
  });

  const sessionOf = async (email: string, password = PASSWORD) => {
    const res = await anon.post('/v1/auth/login', { email, password }, null);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: ACCESS_TTL_MS / 1000 });
    return new SessionClient(anon, res.body);
  };

  /** Invites a creator, who accepts from the emailed token; returns their email. */
  const onboardCreator = async (): Promise<string> => {
    const email = `creator-${randomUUID().slice(0, 8)}@creator.test`;
    const admin = await sessionOf(brand.adminEmail, brand.password);
    expect((await admin.request('POST', '/v1/invites', { email })).status).toBe(201);
    const mail = await system.smtp.waitFor(email, /invited you to Glimmer/);
    const token = /Invite token: (\S+)/.exec(mail.text)![1];
    const accepted = await anon.post('/v1/invites/accept', {
      token,
      name: 'Ada Lens',
      password: PASSWORD,
    });
    expect(accepted.status).toBe(201);
    return email;
  };

  const mailsTo = (email: string, subject: RegExp) =>
    system.smtp.messages.filter((m) => m.to.includes(email) && subject.test(m.subject));

  const payoutMethodEvents = async () =>
    (
      await db.query<{ payload: { change: string; methodId: string } }>(
        `select payload from ${system.env.prefix}_payout.outbox_message
          where pattern = 'payout.payout-method.changed.v1' order by created_at`,
      )
    ).rows.map((r) => r.payload);

  const BANK = {
    type: 'local_bank_transfer',
    country: 'GB',
    details: { accountHolder: 'Ada Lens', sortCode: '040004', accountNumber: '41926819' },
  };

  it('refuses a payout-method change without the password or with a wrong one, and changes nothing', async () => {
    const email = await onboardCreator();
    const creator = await sessionOf(email);

    const without = await creator.request('POST', '/v1/me/payout-methods', BANK);
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({ code: 'reauthentication_required' });
    const wrong = await creator.request('POST', '/v1/me/payout-methods', {
      ...BANK,
      password: 'not-my-password',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'reauthentication_failed' });

    expect((await creator.request('GET', '/v1/me/payout-methods')).body.data).toEqual([]);
    expect(await payoutMethodEvents()).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(mailsTo(email, /payout method/i)).toEqual([]);
  });

  it('with the password: adds and prefers a method, publishes each change and emails the creator masked details', async () => {
    const email = await onboardCreator();
    const creator = await sessionOf(email);

    const bank = await creator.request('POST', '/v1/me/payout-methods', {
      ...BANK,
      password: PASSWORD,
    });
    expect(bank.status).toBe(201);
    expect(bank.body).toMatchObject({ preferred: true, details: { accountNumber: '••••6819' } });
    const added = await system.smtp.waitFor(email, /A payout method was added/);
    expect(added.text).toContain('Local bank transfer');
    expect(added.text).toContain('••••6819');
    expect(added.text).not.toContain('41926819');
    expect(added.text).toContain('change your password');

    const payoneer = await creator.request('POST', '/v1/me/payout-methods', {
      type: 'payoneer',
      country: 'GB',
      details: { email: 'ada.lens@example.com' },
      password: PASSWORD,
    });
    expect(payoneer.status).toBe(201);
    expect(payoneer.body.preferred).toBe(false);
    await eventually(() => expect(mailsTo(email, /A payout method was added/)).toHaveLength(2));

    // Making it preferred redirects the money: the password again, or nothing changes.
    const path = `/v1/me/payout-methods/${payoneer.body.id}/preferred`;
    const refused = await creator.request('POST', path, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('reauthentication_required');
    const listed = await creator.request('GET', '/v1/me/payout-methods');
    expect(listed.body.data.find((m: { preferred: boolean }) => m.preferred).id).toBe(bank.body.id);

    const preferred = await creator.request('POST', path, { password: PASSWORD });
    expect(preferred.status).toBe(200);
    expect(preferred.body.preferred).toBe(true);
    const notice = await system.smtp.waitFor(email, /Your preferred payout method changed/);
    expect(notice.text).toContain('Payoneer');
    expect(notice.text).toContain('a•••@example.com');
    expect(notice.text).not.toContain('ada.lens@example.com');

    expect(await payoutMethodEvents()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: 'added', methodId: bank.body.id }),
        expect.objectContaining({ change: 'added', methodId: payoneer.body.id }),
        expect.objectContaining({ change: 'made_preferred', methodId: payoneer.body.id }),
      ]),
    );
  });

  it("counts wrong re-authentication passwords as failed logins: the account's backoff stops guessing", async () => {
    const email = await onboardCreator();
    const creator = await sessionOf(email);
    for (let i = 0; i < 3; i++) {
      const wrong = await creator.request('POST', '/v1/me/payout-methods', {
        ...BANK,
        password: `guess-${i}`,
      });
      expect(wrong.body.code).toBe('reauthentication_failed');
    }
    // Now even the right password waits, here and at login (one backoff for the account).
    const locked = await creator.request('POST', '/v1/me/payout-methods', {
      ...BANK,
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBeTruthy();
    expect((await anon.post('/v1/auth/login', { email, password: PASSWORD }, null)).status).toBe(
      429,
    );
    expect((await creator.request('GET', '/v1/me/payout-methods')).body.data).toEqual([]);
  });

  it('refreshes an expired access token, rotating the refresh token', async () => {
    const session = await sessionOf(brand.adminEmail, brand.password);
    const first = session.tokens;
    await new Promise((r) => setTimeout(r, ACCESS_TTL_MS + 500));
    const expired = await anon.as(first.accessToken).get('/v1/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('token_expired');

    const me = await session.request('GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(brand.adminEmail);
    expect(session.refreshes).toBe(1);
    expect(session.tokens.refreshToken).not.toBe(first.refreshToken);
    expect(session.tokens.accessToken).not.toBe(first.accessToken);

    // Presented again at once (a second tab racing it, an answer lost to a reload), the spent
    // token still works within the grace period: the session lives on.
    const again = await anon.post('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(again.status).toBe(200);
    expect((await session.request('GET', '/v1/me')).status).toBe(200);
  });

  it('revokes the whole session when a spent refresh token comes back later (a stolen copy)', async () => {
    const session = await sessionOf(brand.adminEmail, brand.password);
    const stolen = session.tokens.refreshToken;
    const rotated = await anon.post('/v1/auth/refresh', { refreshToken: stolen });
    expect(rotated.status).toBe(200);
    await new Promise((r) => setTimeout(r, 10_500)); // past the 10 s grace for racing tabs
    expect((await anon.post('/v1/auth/refresh', { refreshToken: stolen })).status).toBe(401);
    // The thief's reuse ended the session: the legitimate holder's new tokens fail too.
    const legit = await anon.post('/v1/auth/refresh', { refreshToken: rotated.body.refreshToken });
    expect(legit.status).toBe(401);
    expect(legit.body.code).toBe('refresh_token_invalid');
  });

  /** The access token stops working within the bound; the refresh token at once. */
  const expectEnded = async (tokens: { accessToken: string; refreshToken: string }) => {
    await eventually(
      async () => {
        const res = await anon.as(tokens.accessToken).get('/v1/me');
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('unauthenticated');
      },
      { timeoutMs: REVOCATION_BOUND_MS, intervalMs: 200 },
    );
    const refresh = await anon.post('/v1/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(refresh.status).toBe(401);
    expect(refresh.body.code).toBe('refresh_token_invalid');
  };

  it('logout ends the session: its access and refresh tokens fail', async () => {
    const session = await sessionOf(brand.adminEmail, brand.password);
    const other = await sessionOf(brand.adminEmail, brand.password);
    expect((await session.request('POST', '/v1/auth/logout')).status).toBe(204);
    await expectEnded(session.tokens);
    // Only that session: the account's other one goes on.
    expect((await other.request('GET', '/v1/me')).status).toBe(200);
  });

  it('a password change ends every session of the account and needs the current password', async () => {
    const email = await onboardCreator();
    const phone = await sessionOf(email);
    const laptop = await sessionOf(email);

    const wrong = await laptop.request('POST', '/v1/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'a-brand-new-passphrase',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('reauthentication_failed');
    expect((await phone.request('GET', '/v1/me')).status).toBe(200);

    const changed = await laptop.request('POST', '/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-brand-new-passphrase',
    });
    expect(changed.status).toBe(204);
    await expectEnded(phone.tokens);
    await expectEnded(laptop.tokens);
    const old = await anon.post('/v1/auth/login', { email, password: PASSWORD }, null);
    expect(old.status).toBe(401);
    expect(await login(anon, email, 'a-brand-new-passphrase')).toEqual(expect.any(String));
  });

  it('ops can end every session of an account', async () => {
    const email = await onboardCreator();
    const sessions = [await sessionOf(email), await sessionOf(email)];
    const ops = await sessionOf(OPS.email, OPS.password);
    const revoked = await ops.request('POST', '/v1/ops/sessions/revoke', { email });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ userId: expect.any(String), revoked: 2 });
    for (const s of sessions) await expectEnded(s.tokens);
    const nobody = await ops.request('POST', '/v1/ops/sessions/revoke', { email: 'nobody@x.test' });
    expect(nobody.status).toBe(404);
    // A brand admin may not.
    const admin = await sessionOf(brand.adminEmail, brand.password);
    expect((await admin.request('POST', '/v1/ops/sessions/revoke', { email })).status).toBe(403);
  });

  it('keeps a browser session going with the refresh cookie, scoped to the refresh route', async () => {
    const started = await fetch(`${system.baseUrl}/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: brand.adminEmail, password: brand.password }),
    });
    expect(started.status).toBe(200);
    const cookies = started.headers.getSetCookie();
    const refreshCookie = cookies.find((c) => c.startsWith('glimmer_refresh='))!;
    expect(refreshCookie).toMatch(/Path=\/v1\/auth\/session\/refresh/);
    expect(refreshCookie).toMatch(/HttpOnly/);
    const jar = Object.fromEntries(
      cookies.map((c) => c.split(';')[0].split('=') as [string, string]),
    );
    const cookieHeader = (names: string[]) => names.map((n) => `${n}=${jar[n]}`).join('; ');

    await new Promise((r) => setTimeout(r, ACCESS_TTL_MS + 500));
    const expired = await fetch(`${system.baseUrl}/v1/me`, {
      headers: { cookie: cookieHeader(['glimmer_session', 'glimmer_csrf']) },
    });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { code: string }).code).toBe('token_expired');

    // Without the CSRF token a refresh is refused; with it, new cookies (same CSRF token).
    const all = cookieHeader(['glimmer_session', 'glimmer_csrf', 'glimmer_refresh']);
    const noCsrf = await fetch(`${system.baseUrl}/v1/auth/session/refresh`, {
      method: 'POST',
      headers: { cookie: all },
    });
    expect(noCsrf.status).toBe(403);
    const refreshed = await fetch(`${system.baseUrl}/v1/auth/session/refresh`, {
      method: 'POST',
      headers: { cookie: all, 'x-csrf-token': jar.glimmer_csrf },
    });
    expect(refreshed.status).toBe(200);
    const next = Object.fromEntries(
      refreshed.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]),
    );
    expect(next.glimmer_csrf).toBe(jar.glimmer_csrf);
    expect(next.glimmer_refresh).not.toBe(jar.glimmer_refresh);
    const me = await fetch(`${system.baseUrl}/v1/me`, {
      headers: { cookie: `glimmer_session=${next.glimmer_session}` },
    });
    expect(me.status).toBe(200);

    // Logging out revokes the session: the refreshed cookies stop working too.
    const out = await fetch(`${system.baseUrl}/v1/auth/session`, {
      method: 'DELETE',
      headers: { cookie: `glimmer_session=${next.glimmer_session}` },
    });
    expect(out.status).toBe(204);
    const after = await fetch(`${system.baseUrl}/v1/auth/session/refresh`, {
      method: 'POST',
      headers: {
        cookie: `glimmer_refresh=${next.glimmer_refresh}; glimmer_csrf=${next.glimmer_csrf}`,
        'x-csrf-token': next.glimmer_csrf,
      },
    });
    expect(after.status).toBe(401);
  });
});
