// Starts a private copy of Glimmer for a benchmark (own database, broker prefix, Redis prefix)
// from the built services, and removes it afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import amqplib from 'amqplib';
import Redis from 'ioredis';
import pg from 'pg';
import { root, serviceEntry, services } from '../scripts/lib.mjs';

const PG_BASE = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const RABBITMQ_URL = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startSystem(label, extraEnv = {}) {
  const prefix = `b_${label}_${randomBytes(3).toString('hex')}`;
  const database = `glimmer_${prefix}`;
  const port = await freePort();
  // The gateway proxies the queue board (/ops/queues) to the scheduler's health port.
  const schedulerHealthPort = await freePort();
  const env = {
    ...process.env,
    // Not production: the sandbox providers the benches drive are refused there (README Security).
    NODE_ENV: 'development',
    // As in production: the receiver validates every message; the sender's own check is a
    // development aid (and costs a validation per message on each side).
    MESSAGE_VALIDATE_OUTGOING: 'off',
    LOG_LEVEL: 'warn',
    GLIMMER_PREFIX: prefix,
    DATABASE_URL: `${PG_BASE}/${database}`,
    RABBITMQ_URL,
    REDIS_URL,
    PORT: String(port),
    HEALTH_PORT: '0',
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
    PAYMENTS_WEBHOOK_SECRET: 'bench-webhook-secret-0123456789abcdef',
    OPS_EMAIL: 'ops@bench.test',
    OPS_PASSWORD: 'bench-ops-password',
    QUEUE_BOARD_SECRET: 'bench-queue-board-secret-0123456789abcdef',
    SCHEDULER_QUEUE_BOARD_URL: `http://127.0.0.1:${schedulerHealthPort}`,
    PAYOUT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Benches sign up and log in far more than any one client should: lift the gateway's limits.
    RATE_LIMIT_LOGIN_PER_IP: '1000000',
    RATE_LIMIT_LOGIN_FAILURES: '1000000',
    RATE_LIMIT_SIGNUP_PER_IP: '1000000',
    RATE_LIMIT_INVITE_PER_IP: '1000000',
    RATE_LIMIT_RESEND_PER_TENANT: '1000000',
    RATE_LIMIT_UPLOAD_PER_TENANT: '1000000',
    RATE_LIMIT_WRITE_PER_TENANT: '1000000',
    // …and make far more unpaid deposits and invites than one brand may.
    CREDIT_MAX_UNPAID_DEPOSITS: '100000',
    NETWORK_INVITES_PER_DAY: '100000',
    PASSWORD_HASH_QUEUE_MAX: '100000',
    PASSWORD_HASH_QUEUE_TIMEOUT_MS: '60000',
    ...extraEnv,
  };
  const SERVICES = services();
  for (const service of SERVICES) {
    const r = spawnSync(process.execPath, [serviceEntry(service), 'migrate'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${service} migrate failed: ${r.stderr}`);
  }
  const children = SERVICES.map((service) => {
    // BENCH_NODE_ARGS="--prof" (or --cpu-prof …) profiles every service while it runs.
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, serviceEntry(service), 'serve'], {
      cwd: root,
      env: service === 'scheduler' ? { ...env, HEALTH_PORT: String(schedulerHealthPort) } : env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    return child;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // On a loaded shared machine six services can take well over half a minute to start.
  const readyBy = Date.now() + Number(process.env.BENCH_READY_SECONDS ?? 180) * 1000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) break;
    } catch {
      /* starting */
    }
    if (Date.now() > readyBy) {
      for (const child of children) child.kill('SIGTERM');
      throw new Error('the system did not become ready');
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await new Promise((r) => setTimeout(r, 1000));
  return {
    baseUrl,
    prefix,
    databaseUrl: env.DATABASE_URL,
    ops: { email: env.OPS_EMAIL, password: env.OPS_PASSWORD },
    async stop() {
      await Promise.all(
        children.map(
          (c) =>
            new Promise((r) =>
              c.exitCode !== null ? r() : (c.once('exit', r), c.kill('SIGTERM')),
            ),
        ),
      );
      const admin = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
      await admin.connect();
      await admin.query(`drop database if exists "${database}" with (force)`);
      await admin.end();
      const connection = await amqplib.connect(RABBITMQ_URL);
      const channel = await connection.createChannel();
      for (const service of SERVICES) {
        for (const suffix of ['rpc', 'events', 'events.retry', 'events.dlq'])
          await channel.deleteQueue(`${prefix}.${service}.${suffix}`);
      }
      await channel.deleteExchange(`${prefix}.events`);
      await connection.close();
      const redis = new Redis(REDIS_URL);
      // SCAN in pages and delete in chunks: a 100,000-payout run leaves too many keys for one call.
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
