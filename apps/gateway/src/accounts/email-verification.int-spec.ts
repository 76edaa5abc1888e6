import { createHash, randomUUID } from 'node:crypto';
import { loadConfig } from '@glimmer/config/config';
import { EmailVerificationRequestedEvent } from '@glimmer/contracts/identity/email-verification.event';
import { gatewayConfigSchema } from '../gateway.config';
import { migrateGateway } from '../migrate';
import { GatewayUnderTest, startGatewayUnderTest } from '../testing/gateway-harness';

/**
 * Email verification as the gateway owns it: the link's token (read from the outbox, where the
 * scheduler picks it up to email it — test/e2e/email-verification.e2e-spec.ts reads the email),
 * what is stored, single use, expiry, resends and their cap, the guard on emailing routes, and
 * the ops account that `migrate` seeds and sign-up never hands out.
 */
describe('email verification (gateway)', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGatewayUnderTest('gwverify', {
      EMAIL_VERIFICATION_SENDS_PER_DAY: '3',
      RPC_TIMEOUT_MS: '500',
    });
  });

  afterAll(async () => {
    await gw?.stop();
  });

  function newAdmin() {
    const tag = randomUUID().slice(0, 8);
    return { name: 'Ada', email: `ada-${tag}@acme.example`, password: 'correct horse battery' };
  }

  async function signUp(admin = newAdmin()) {
    const res = await gw.request('POST', '/v1/brands', {
      body: { name: 'Acme', currency: 'USD', financeEmail: 'victim@elsewhere.example', admin },
    });
    expect(res.status).toBe(201);
    const login = await gw.request('POST', '/v1/auth/login', {
      body: { email: admin.email, password: admin.password },
    });
    return { admin, token: login.body.accessToken as string };
  }

  async function linksTo(email: string) {
    return gw.sql<{ token: string; expiresAt: string }>(
      `select payload->>'token' as token, payload->>'expiresAt' as "expiresAt" from outbox_message
        where pattern = $1 and payload->>'email' = $2 order by seq`,
      [EmailVerificationRequestedEvent.pattern, email],
    );
  }

  const verify = (token: string) =>
    gw.request('POST', '/v1/auth/verify-email', { body: { token } });

  it('sends a link at sign-up and stores only its hash', async () => {
    const { admin, token } = await signUp();
    const [link] = await linksTo(admin.email);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await gw.sql<Record<string, unknown>>(
      `select v.* from email_verification v join user_account u on u.id = v.user_id
        where u.email = $1`,
      [admin.email],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).toBe(createHash('sha256').update(link.token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(link.token);
    const status = await gw.request('GET', '/v1/auth/verify-email', { token });
    expect(status.body).toEqual({ email: admin.email, verified: false, verifiedAt: null });
  });

  it('refuses deposits, invites and invite resends until verified (403, nothing reaches a service)', async () => {
    const { token } = await signUp();
    const attempts = [
      gw.request('POST', '/v1/credit/deposits', {
        token,
        body: { amount: 100, costCode: { code: 'MKT', name: 'Marketing' } },
        headers: { 'idempotency-key': randomUUID() },
      }),
      gw.request('POST', '/v1/invites', {
        token,
        body: { email: 'someone@elsewhere.example', message: 'x'.repeat(2000) },
        headers: { 'idempotency-key': randomUUID() },
      }),
      gw.request('POST', `/v1/invites/${randomUUID()}/resend`, { token }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('email_not_verified');
    }
    // Refused before the idempotency record and before any RPC (which would be a 504 here).
    expect(await gw.sql(`select 1 from idempotency_record where scope like 'brand:%'`)).toEqual([]);
  });

  it('verifies with the link once; a second use is 409 and deposits then reach credit', async () => {
    const { admin, token } = await signUp();
    const [link] = await linksTo(admin.email);
    const first = await verify(link.token);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      email: admin.email,
      verified: true,
      verifiedAt: expect.any(String),
    });
    const again = await verify(link.token);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('email_verification_token_used');
    expect((await gw.request('GET', '/v1/auth/verify-email', { token })).body.verified).toBe(true);
    const deposit = await gw.request('POST', '/v1/credit/deposits', {
      token,
      body: { amount: 100, costCode: { code: 'MKT', name: 'Marketing' } },
      headers: { 'idempotency-key': randomUUID() },
    });
    // No credit service here: past the guard, the RPC times out.
    expect(deposit.status).toBe(504);
    const resend = await gw.request('POST', '/v1/auth/verify-email/resend', { token });
    expect(resend.status).toBe(409);
    expect(resend.body.code).toBe('email_already_verified');
  });

  it('refuses an expired link (410), a link replaced by a resend (410) and a forged one (400)', async () => {
    const { admin, token } = await signUp();
    const [original] = await linksTo(admin.email);
    expect(new Date(original.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const resent = await gw.request('POST', '/v1/auth/verify-email/resend', { token });
    expect(resent.status).toBe(200);
    const [, newer] = await linksTo(admin.email);
    const replaced = await verify(original.token);
    expect(replaced.status).toBe(410);
    expect(replaced.body.code).toBe('email_verification_token_expired');

    await gw.sql(`update email_verification set expires_at = now() - interval '1 second'`);
    const expired = await verify(newer.token);
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('email_verification_token_expired');
    expect((await gw.request('GET', '/v1/auth/verify-email', { token })).body.verified).toBe(false);

    for (const forged of ['x'.repeat(43), 'short']) {
      const res = await verify(forged);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('email_verification_token_invalid');
    }
  });

  it('sends at most EMAIL_VERIFICATION_SENDS_PER_DAY links to one address (429 with Retry-After)', async () => {
    const { admin, token } = await signUp();
    const resend = () => gw.request('POST', '/v1/auth/verify-email/resend', { token });
    expect((await resend()).status).toBe(200);
    expect((await resend()).status).toBe(200);
    const refused = await resend();
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(86_000);
    expect(await linksTo(admin.email)).toHaveLength(3);
  });

  describe('the ops account', () => {
    const opsAccount = () =>
      gw.sql<{ role: string }>(`select role from user_account where lower(email) = lower($1)`, [
        gw.config.OPS_EMAIL,
      ]);

    it('exists after migrate, and sign-up with OPS_EMAIL is refused', async () => {
      expect(await opsAccount()).toEqual([{ role: 'ops' }]);
      const res = await gw.request('POST', '/v1/brands', {
        body: {
          name: 'Squatter',
          currency: 'USD',
          financeEmail: 'f@squat.example',
          admin: { ...newAdmin(), email: gw.config.OPS_EMAIL.toUpperCase() },
        },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('email_taken');
    });

    it('cannot be claimed by sign-up before migrate seeds it, and migrate then seeds it', async () => {
      await gw.sql(`delete from user_account where role = 'ops'`);
      const res = await gw.request('POST', '/v1/brands', {
        body: {
          name: 'Squatter',
          currency: 'USD',
          financeEmail: 'f@squat.example',
          admin: { ...newAdmin(), email: gw.config.OPS_EMAIL },
        },
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('email_taken');
      expect(await opsAccount()).toEqual([]);

      await migrateGateway(loadConfig(gatewayConfigSchema, gw.env.env));
      expect(await opsAccount()).toEqual([{ role: 'ops' }]);
      const login = await gw.request('POST', '/v1/auth/login', {
        body: { email: gw.config.OPS_EMAIL, password: gw.config.OPS_PASSWORD },
      });
      expect(login.status).toBe(200);
    });
  });
});
