import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { startGateway } from '../http/bootstrap';
import { GatewayUnderTest, startGatewayUnderTest } from '../testing/gateway-harness';

const PROBLEM_JSON = /^application\/problem\+json/;

/** Low limits; each test speaks from its own client address (TRUST_PROXY=1, X-Forwarded-For). */
const LIMITS = {
  TRUST_PROXY: '1',
  RATE_LIMIT_WINDOW_SECONDS: '60',
  RATE_LIMIT_LOGIN_PER_IP: '5',
  RATE_LIMIT_LOGIN_FAILURES: '2',
  RATE_LIMIT_LOGIN_BACKOFF_BASE_MS: '1000',
  RATE_LIMIT_LOGIN_BACKOFF_MAX_MS: '60000',
  RATE_LIMIT_SIGNUP_PER_IP: '3',
  RATE_LIMIT_WRITE_PER_TENANT: '2',
  RPC_TIMEOUT_MS: '500',
};

let ipSeq = 0;
const newIp = () => `203.0.113.${++ipSeq}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function brandSignup() {
  const suffix = Math.random().toString(36).slice(2, 10);
  return {
    name: 'Acme Publishing',
    currency: 'USD',
    financeEmail: `finance-${suffix}@acme.example`,
    admin: {
      name: 'Ada Admin',
      email: `ada-${suffix}@acme.example`,
      password: 'correct horse battery',
    },
  };
}

describe('rate limits (gateway in-process, real Redis)', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGatewayUnderTest('ratelimit', LIMITS);
  });

  afterAll(async () => {
    await gw?.stop();
  });

  async function signUp(ip = newIp()) {
    const body = brandSignup();
    const res = await gw.request('POST', '/v1/brands', {
      body,
      headers: { 'x-forwarded-for': ip },
    });
    expect(res.status).toBe(201);
    return body.admin;
  }

  async function tokenOf(admin: { email: string; password: string }) {
    const res = await gw.request('POST', '/v1/auth/login', {
      body: { email: admin.email, password: admin.password },
      headers: { 'x-forwarded-for': newIp() },
    });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  }

  function expectRateLimited(res: { status: number; headers: Headers; body: unknown }) {
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.body).toMatchObject({ code: 'rate_limited', status: 429 });
  }

  it('answers the Nth login from one IP with 429, Retry-After and a problem body (both login routes)', async () => {
    const ip = newIp();
    const headers = { 'x-forwarded-for': ip };
    // Different unknown emails, so the per-account backoff does not interfere.
    for (let i = 0; i < 5; i++) {
      const path = i % 2 ? '/v1/auth/session' : '/v1/auth/login';
      const res = await gw.request('POST', path, {
        body: { email: `nobody-${i}@acme.example`, password: 'wrong password' },
        headers,
      });
      expect(res.status).toBe(401);
    }
    const sixth = await gw.request('POST', '/v1/auth/session', {
      body: { email: 'nobody-6@acme.example', password: 'wrong password' },
      headers,
    });
    expectRateLimited(sixth);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(50);
    // Another address is unaffected.
    const other = await gw.request('POST', '/v1/auth/login', {
      body: { email: 'nobody-7@acme.example', password: 'wrong password' },
      headers: { 'x-forwarded-for': newIp() },
    });
    expect(other.status).toBe(401);
  });

  it('doubles an account’s wait with each failed login and clears it on a correct one', async () => {
    const admin = await signUp();
    // Each attempt from a fresh address: only the per-account backoff is in play.
    const attempt = (password: string) =>
      gw.request('POST', '/v1/auth/login', {
        body: { email: admin.email, password },
        headers: { 'x-forwarded-for': newIp() },
      });

    expect((await attempt('wrong 1')).status).toBe(401);
    expect((await attempt('wrong 2')).status).toBe(401); // the 2nd failure: 1 s wait
    const first = await attempt(admin.password); // even the right password waits
    expectRateLimited(first);
    expect(first.headers.get('retry-after')).toBe('1');

    await sleep(1_100);
    expect((await attempt('wrong 3')).status).toBe(401); // the 3rd: 2 s
    const second = await attempt('wrong 4');
    expectRateLimited(second);
    expect(second.headers.get('retry-after')).toBe('2');

    await sleep(2_100);
    expect((await attempt(admin.password)).status).toBe(200);
    // Reset: one failure is free again, a correct login goes straight through.
    expect((await attempt('wrong 5')).status).toBe(401);
    expect((await attempt(admin.password)).status).toBe(200);
  });

  it('shares the count between two gateway instances (Redis storage)', async () => {
    const second: NestExpressApplication = await startGateway(gw.config, 0);
    try {
      const secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
      const ip = newIp();
      const login = (base: string, i: number) =>
        fetch(`${base}/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ email: `shared-${i}@acme.example`, password: 'wrong password' }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await login(i % 2 ? secondUrl : gw.url, i)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const onFirst = await login(gw.url, 5);
      const onSecond = await login(secondUrl, 6);
      expect(onFirst.status).toBe(429);
      expect(onSecond.status).toBe(429);
      expect(onSecond.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await second.close();
    }
  });

  it('limits sign-ups per client address', async () => {
    const ip = newIp();
    for (let i = 0; i < 3; i++) await signUp(ip);
    const refused = brandSignup();
    const fourth = await gw.request('POST', '/v1/brands', {
      body: refused,
      headers: { 'x-forwarded-for': ip },
    });
    expectRateLimited(fourth);
    expect(
      await gw.sql(`select 1 from brand where finance_email = $1`, [refused.financeEmail]),
    ).toEqual([]);
    // Another address may still sign up.
    await signUp();
  });

  it('limits money-moving creates per tenant, not per address', async () => {
    const [tokenA, tokenB] = [await tokenOf(await signUp()), await tokenOf(await signUp())];
    const transfer = (token: string) =>
      gw.request('POST', '/v1/credit/transfers', {
        token,
        body: {},
        // A new address each time: the brand, not the address, is counted.
        headers: { 'x-forwarded-for': newIp() },
      });
    // No Idempotency-Key: the request is counted, then refused by the interceptor (400).
    expect((await transfer(tokenA)).status).toBe(400);
    expect((await transfer(tokenA)).status).toBe(400);
    expectRateLimited(await transfer(tokenA));
    expectRateLimited(
      await gw.request('POST', '/v1/credit/deposits', {
        token: tokenA,
        body: {},
        headers: { 'x-forwarded-for': newIp() },
      }),
    );
    // Another brand has its own budget.
    expect((await transfer(tokenB)).status).toBe(400);
  });
});
