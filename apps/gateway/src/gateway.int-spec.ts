import { signPayload } from './webhooks/signature';
import { GatewayUnderTest, startGatewayUnderTest, verifyEmailOf } from './testing/gateway-harness';

const PROBLEM_JSON = /^application\/problem\+json/;
const RPC_TIMEOUT_MS = 500;

function brandSignup(overrides: Record<string, unknown> = {}) {
  const suffix = Math.random().toString(36).slice(2, 8);
  return {
    name: 'Acme Publishing',
    currency: 'USD',
    financeEmail: `finance-${suffix}@acme.example`,
    admin: {
      name: 'Ada Admin',
      email: `ada-${suffix}@acme.example`,
      password: 'correct horse battery',
    },
    ...overrides,
  };
}

describe('gateway (in-process, no back-end services)', () => {
  let gw: GatewayUnderTest;
  let brandToken: string;
  let signup: ReturnType<typeof brandSignup>;
  let brandId: string;

  beforeAll(async () => {
    gw = await startGatewayUnderTest('gateway', { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) });
  });

  afterAll(async () => {
    await gw?.stop();
  });

  describe('accounts', () => {
    it('signs a brand up, records BrandRegistered in the outbox, and lets its admin log in', async () => {
      signup = brandSignup();
      const created = await gw.request('POST', '/v1/brands', { body: signup });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Acme Publishing',
        currency: 'USD',
        financeEmail: signup.financeEmail,
      });
      brandId = created.body.id;

      const [event] = await gw.sql<{ pattern: string; payload: Record<string, unknown> }>(
        `select pattern, payload from outbox_message order by seq`,
      );
      expect(event.pattern).toBe('identity.brand.registered.v1');
      expect(event.payload).toMatchObject({
        brandId,
        currency: 'USD',
        adminEmail: signup.admin.email,
      });

      const login = await gw.request('POST', '/v1/auth/login', {
        body: { email: signup.admin.email.toUpperCase(), password: signup.admin.password },
      });
      expect(login.status).toBe(200);
      expect(login.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshToken: expect.any(String),
        refreshExpiresAt: expect.any(String),
      });
      brandToken = login.body.accessToken;
      // Deposits need a verified admin (403 email_not_verified otherwise; see email-verification.int-spec).
      await verifyEmailOf(gw, signup.admin.email);

      const me = await gw.request('GET', '/v1/me', { token: brandToken });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        userId: expect.any(String),
        role: 'brand',
        brandId,
        currency: 'USD',
        email: signup.admin.email,
        name: 'Ada Admin',
      });
    });

    it('refuses a second account with the same email, whatever its case (409 email_taken)', async () => {
      const again = brandSignup({
        admin: { ...signup.admin, email: signup.admin.email.toUpperCase() },
      });
      const res = await gw.request('POST', '/v1/brands', { body: again });
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({
        type: 'https://glimmer.dev/problems/email-taken',
        status: 409,
        code: 'email_taken',
      });
      const [{ count }] = await gw.sql<{ count: string }>(`select count(*) from brand`);
      expect(count).toBe('1');
    });

    it('answers a wrong password and an unknown email alike (401 invalid_credentials)', async () => {
      const wrong = await gw.request('POST', '/v1/auth/login', {
        body: { email: signup.admin.email, password: 'not the password' },
      });
      const unknown = await gw.request('POST', '/v1/auth/login', {
        body: { email: 'nobody@nowhere.example', password: 'not the password' },
      });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
        expect(res.body.code).toBe('invalid_credentials');
      }
      expect(wrong.body.detail).toBe(unknown.body.detail);
    });

    it('creates the ops account at start; ops and brand roles stay apart (403)', async () => {
      const login = await gw.request('POST', '/v1/auth/login', {
        body: { email: gw.config.OPS_EMAIL, password: gw.config.OPS_PASSWORD },
      });
      expect(login.status).toBe(200);
      const opsToken = login.body.accessToken;
      const me = await gw.request('GET', '/v1/me', { token: opsToken });
      expect(me.body).toMatchObject({ role: 'ops', email: gw.config.OPS_EMAIL });

      const brandOnOps = await gw.request('GET', '/v1/ops/ledger/verify', { token: brandToken });
      expect(brandOnOps.status).toBe(403);
      expect(brandOnOps.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(brandOnOps.body.code).toBe('forbidden');

      const opsOnBrand = await gw.request('GET', '/v1/credit', { token: opsToken });
      expect(opsOnBrand.status).toBe(403);
    });
  });

  describe('authentication', () => {
    it.each([
      ['no token', undefined],
      ['a malformed token', 'not-a-jwt'],
      [
        'a token signed with another secret',
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6Im9wcyJ9.c2lnbmF0dXJl',
      ],
    ])('answers 401 unauthenticated for %s', async (_, token) => {
      const res = await gw.request('GET', '/v1/me', { token });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(res.body.code).toBe('unauthenticated');
    });
  });

  describe('errors are problem+json', () => {
    it('names each field at fault (400 validation_failed)', async () => {
      const cases: [unknown, string][] = [
        [{ ...brandSignup(), plan: 'gold' }, 'plan'],
        [{ ...brandSignup(), admin: undefined }, 'admin'],
        [brandSignup({ currency: 'XXX' }), 'currency'],
        [brandSignup({ financeEmail: 'not-an-email' }), 'financeEmail'],
        [
          brandSignup({ admin: { name: 'A', email: 'nope', password: 'correct horse battery' } }),
          'admin.email',
        ],
        [
          brandSignup({ admin: { name: 'A', email: 'a@b.example', password: 'short' } }),
          'admin.password',
        ],
      ];
      for (const [body, field] of cases) {
        const res = await gw.request('POST', '/v1/brands', { body });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.errors).toEqual(
          expect.arrayContaining([
            { field, messages: expect.arrayContaining([expect.any(String)]) },
          ]),
        );
      }
    });

    it('answers malformed JSON with 400 malformed-json', async () => {
      const res = await gw.request('POST', '/v1/brands', { rawBody: '{"name": "Acme",' });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({
        type: 'https://glimmer.dev/problems/malformed-json',
        code: 'malformed_json',
        instance: '/v1/brands',
      });
      expect(res.headers.get('x-correlation-id')).toBeTruthy();
    });

    it('answers a body over 1 MB with 413 and a non-JSON body with 415', async () => {
      const big = await gw.request('POST', '/v1/brands', {
        rawBody: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
      });
      expect(big.status).toBe(413);
      expect(big.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(big.body.code).toBe('payload_too_large');

      const form = await gw.request('POST', '/v1/auth/login', {
        rawBody: 'email=a&password=b',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
      expect(form.body.code).toBe('unsupported_media_type');
    });

    it('answers an unknown route with 404 problem+json', async () => {
      const res = await gw.request('GET', '/v1/nothing-here', { token: brandToken });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(res.body.code).toBe('not_found');
    });

    it('answers an id that is not a UUID with 404, as it cannot exist', async () => {
      const res = await gw.request('GET', '/v1/cost-codes/not-a-uuid', { token: brandToken });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    });
  });

  describe('idempotency keys', () => {
    it('requires one on deposits and transfers (400 idempotency_key_required)', async () => {
      for (const path of ['/v1/credit/deposits', '/v1/credit/transfers']) {
        const res = await gw.request('POST', path, { token: brandToken, body: { amount: 100 } });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
        expect(res.body.code).toBe('idempotency_key_required');
      }
    });

    it('rejects a malformed key', async () => {
      const res = await gw.request('POST', '/v1/credit/deposits', {
        token: brandToken,
        body: { amount: 100, costCode: { code: 'MKT', name: 'Marketing' } },
        headers: { 'idempotency-key': 'x'.repeat(256) },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'Idempotency-Key', messages: [expect.any(String)] },
      ]);
    });

    it('replays a stored signup for the same key and refuses the key with another body (422)', async () => {
      const body = brandSignup();
      const headers = { 'idempotency-key': 'signup-1' };
      const first = await gw.request('POST', '/v1/brands', { body, headers });
      const again = await gw.request('POST', '/v1/brands', { body, headers });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const other = await gw.request('POST', '/v1/brands', { body: brandSignup(), headers });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('idempotency_key_reused');
    });
  });

  describe('with no credit service running', () => {
    it('answers 504 dependency_timeout within the RPC timeout, and the key may be retried', async () => {
      const body = { amount: 2500, costCode: { code: 'MKT', name: 'Marketing' } };
      const headers = { 'idempotency-key': 'deposit-504' };
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const started = Date.now();
        const res = await gw.request('POST', '/v1/credit/deposits', {
          token: brandToken,
          body,
          headers,
        });
        const took = Date.now() - started;
        expect(res.status).toBe(504);
        expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
        expect(res.body).toMatchObject({
          type: 'https://glimmer.dev/problems/dependency-timeout',
          code: 'dependency_timeout',
        });
        expect(res.headers.get('idempotent-replayed')).toBeNull();
        expect(took).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS - 50);
        expect(took).toBeLessThan(RPC_TIMEOUT_MS + 1_500);
        const rows = await gw.sql(`select 1 from idempotency_record where key = 'deposit-504'`);
        expect(rows).toHaveLength(0);
      }
    });

    it('checks the webhook signature and its time before anything else (401)', async () => {
      const payload = JSON.stringify({
        type: 'credit_invoice.paid',
        creditInvoiceId: '9b2f7c1e-1b7a-4d0e-8a39-2f1f4c3c1a10',
        amount: 2_500,
        currency: 'USD',
        providerReference: 'pay_gateway_1',
      });
      const secret = gw.config.PAYMENTS_WEBHOOK_SECRET;
      const send = (signature?: string) =>
        gw.request('POST', '/v1/webhooks/payments', {
          rawBody: payload,
          headers: signature ? { 'glimmer-signature': signature } : {},
        });
      const tolerance = gw.config.PAYMENTS_WEBHOOK_TOLERANCE_SECONDS;
      const cases: [string | undefined, string][] = [
        [undefined, 'invalid_signature'],
        [signPayload(payload, 'another-secret-another-secret-1234'), 'invalid_signature'],
        // The old, timeless form is no longer accepted.
        [`sha256=${signPayload(payload, secret).split('v1=')[1]}`, 'invalid_signature'],
        // A captured notice replayed after the window, or signed by a clock far ahead.
        [
          signPayload(payload, secret, new Date(Date.now() - (tolerance + 5) * 1000)),
          'signature_expired',
        ],
        [
          signPayload(payload, secret, new Date(Date.now() + (tolerance + 5) * 1000)),
          'signature_expired',
        ],
      ];
      for (const [signature, code] of cases) {
        const res = await send(signature);
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
        expect(res.body.code).toBe(code);
      }
      // A correct, fresh signature gets through to the (absent) credit service.
      expect((await send(signPayload(payload, secret))).status).toBe(504);
    });
  });

  describe('operations', () => {
    it('is live and ready, serves the OpenAPI document, and echoes the correlation id', async () => {
      const live = await gw.request('GET', '/health/live');
      expect(live).toMatchObject({ status: 200, body: { status: 'ok' } });
      const ready = await gw.request('GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, broker: { status: 'up' } },
      });

      const docs = await gw.request('GET', '/docs-json');
      expect(docs.status).toBe(200);
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/v1/brands',
          '/v1/auth/login',
          '/v1/credit/deposits',
          '/v1/webhooks/payments',
        ]),
      );
      expect(docs.body.components.securitySchemes.bearer).toBeDefined();
      const ui = await fetch(`${gw.url}/docs`);
      expect(ui.status).toBe(200);

      const traced = await gw.request('GET', '/health/live', {
        headers: { 'x-correlation-id': 'trace-123' },
      });
      expect(traced.headers.get('x-correlation-id')).toBe('trace-123');
    });
  });
});
