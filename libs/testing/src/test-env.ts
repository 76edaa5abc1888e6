import amqp from 'amqplib';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SERVICES } from '@glimmer/contracts/contract';
import { topology } from '@glimmer/messaging/topology';

const PG_BASE = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const RABBITMQ_URL = process.env.TEST_RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * An isolated world for one test file: its own database, broker names and Redis keys, so tests
 * run twice in a row, in parallel, and beside a running system. `destroy()` removes it all.
 */
export interface TestEnv {
  prefix: string;
  databaseUrl: string;
  env: Record<string, string>;
  destroy(): Promise<void>;
}

/**
 * Limits high enough for any suite (workloads make many logins, unpaid deposits and invites
 * for one brand); the tests of a limit override the one they test.
 */
export const GENEROUS_LIMITS = {
  CREDIT_MAX_UNPAID_DEPOSITS: '100000',
  NETWORK_INVITES_PER_DAY: '100000',
  RATE_LIMIT_LOGIN_PER_IP: '100000',
  RATE_LIMIT_LOGIN_FAILURES: '1000',
  RATE_LIMIT_SIGNUP_PER_IP: '100000',
  RATE_LIMIT_INVITE_PER_IP: '100000',
  RATE_LIMIT_RESEND_PER_TENANT: '100000',
  RATE_LIMIT_UPLOAD_PER_TENANT: '100000',
  RATE_LIMIT_WRITE_PER_TENANT: '100000',
  PASSWORD_HASH_QUEUE_MAX: '10000',
  PASSWORD_HASH_QUEUE_TIMEOUT_MS: '30000',
} as const;

export async function createTestEnv(label: string): Promise<TestEnv> {
  const prefix = `t_${label.replace(/[^a-z0-9]/g, '').slice(0, 12)}_${randomBytes(4).toString('hex')}`;
  const database = `glimmer_${prefix}`;
  const databaseUrl = `${PG_BASE}/${database}`;
  const admin = new Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  await admin.query(`create database "${database}"`);
  await admin.end();
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    GLIMMER_PREFIX: prefix,
    DATABASE_URL: databaseUrl,
    RABBITMQ_URL,
    REDIS_URL,
    MESSAGE_RETRY_DELAY_MS: '200',
    OUTBOX_POLL_MS: '200',
    // Test files run in parallel against one PostgreSQL (max_connections 100): small pools.
    DB_POOL_MAX: '5',
    // Suites sign up and log in many times from 127.0.0.1: generous gateway limits (the
    // rate-limit tests set low ones). Ignored by the other services.
    ...GENEROUS_LIMITS,
  };
  return {
    prefix,
    databaseUrl,
    env,
    destroy: async () => {
      await Promise.allSettled([
        dropDatabase(database),
        deleteBrokerObjects(prefix),
        deleteRedisKeys(prefix),
      ]);
    },
  };
}

async function dropDatabase(database: string): Promise<void> {
  const admin = new Client({ connectionString: `${PG_BASE}/postgres` });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${database}" with (force)`);
  } finally {
    await admin.end();
  }
}

async function deleteBrokerObjects(prefix: string): Promise<void> {
  const connection = await amqp.connect(RABBITMQ_URL);
  connection.on('error', () => undefined);
  try {
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    for (const service of SERVICES) {
      for (const name of [
        topology.rpcQueue(prefix, service),
        topology.eventQueue(prefix, service),
        topology.retryQueue(prefix, service),
        topology.deadLetterQueue(prefix, service),
      ]) {
        await channel.deleteQueue(name);
      }
    }
    await channel.deleteExchange(topology.eventsExchange(prefix));
    await channel.close();
  } finally {
    await connection.close();
  }
}

/**
 * Deletes every Redis key under `prefix` (never FLUSHALL: the Redis is shared). Besides
 * cleaning up, it is how a test makes Redis "come back empty" for its own system only.
 */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Applies `env` to process.env for in-process services; returns a function restoring it. */
export function applyEnv(env: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
