import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export function client(baseUrl, token) {
  return async function call(method, path, body, { key = randomUUID() } = {}) {
    const headers = { 'content-type': 'application/json', 'idempotency-key': key };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

export async function login(baseUrl, email, password) {
  const res = await client(baseUrl)('POST', '/v1/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`login failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** A fresh brand (USD) signed up on `system`, with clients for its admin and for ops. */
export async function benchBrand(system) {
  const tag = randomUUID().slice(0, 6);
  const admin = { name: 'Bench', email: `bench-${tag}@bench.test`, password: 'bench-password' };
  const signup = await client(system.baseUrl)('POST', '/v1/brands', {
    name: 'Bench',
    currency: 'USD',
    financeEmail: `fin-${tag}@bench.test`,
    admin,
  });
  if (signup.status !== 201) throw new Error(`signup failed ${signup.status}`);
  await verifyEmail(system, admin.email);
  return {
    brandId: signup.body.id,
    tag,
    admin,
    brand: client(system.baseUrl, await login(system.baseUrl, admin.email, admin.password)),
    ops: client(system.baseUrl, await login(system.baseUrl, system.ops.email, system.ops.password)),
  };
}

/**
 * Opens the admin's email verification link (deposits and invites need it). Benches send no
 * mail, so the token is read from the gateway's outbox, where the scheduler picks it up.
 */
async function verifyEmail(system, email) {
  const db = new pg.Client({
    connectionString: system.databaseUrl,
    options: `-c search_path=${system.prefix}_gateway`,
  });
  await db.connect();
  try {
    const { rows } = await db.query(
      `select payload->>'token' as token from outbox_message
        where pattern = 'identity.email-verification.requested.v1' and payload->>'email' = $1
        order by seq desc limit 1`,
      [email],
    );
    const res = await client(system.baseUrl)('POST', '/v1/auth/verify-email', {
      token: rows[0]?.token,
    });
    if (res.status !== 200) throw new Error(`verify-email failed ${res.status}`);
  } finally {
    await db.end();
  }
}

export async function until(probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs `op` from `clients` concurrent loops for `durationMs`; returns latencies and statuses. */
export async function load({ clients, durationMs, op }) {
  const latencies = [];
  const statuses = {};
  const deadline = Date.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        let status;
        try {
          status = await op();
        } catch (err) {
          status = `error:${err.code ?? err.message}`;
        }
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    ops: latencies.length,
    opsPerSecond: latencies.length / seconds,
    p50: pct(50),
    p99: pct(99),
    statuses,
  };
}
