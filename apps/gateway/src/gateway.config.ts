import { z } from 'zod';
import { baseConfigSchema } from '@glimmer/config/config';
import { refuseUnsafeInProduction } from '@glimmer/config/production-guards';
import { DEV_QUEUE_BOARD_SECRET } from '@glimmer/contracts/scheduler/queue-board';
import { storageConfigSchema } from '@glimmer/storage/storage.config';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { GATEWAY_ENTITIES, GATEWAY_SQL_TABLES } from './gateway.entities';
import { GATEWAY_MIGRATIONS } from './migrations';

/** Development-only fallbacks; refused in production so a deployment cannot run on them. */
export const DEV_DEFAULTS = {
  JWT_SECRET: 'glimmer-development-jwt-secret-not-for-production',
  PAYMENTS_WEBHOOK_SECRET: 'glimmer-development-webhook-secret-not-for-production',
  OPS_PASSWORD: 'glimmer-ops-dev-password',
  /** The scheduler's default too: a local system works without setting it. */
  QUEUE_BOARD_SECRET: DEV_QUEUE_BOARD_SECRET,
} as const;

const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

type DevDefaultKey = keyof typeof DEV_DEFAULTS;

export const gatewayConfigSchema = baseConfigSchema
  .merge(storageConfigSchema)
  .extend({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Access-token life; a client refreshes with its refresh token after it (401 token_expired). */
    JWT_TTL_SECONDS: z.coerce.number().int().min(2).max(86_400).default(900),
    /** A session's life from login: its refresh tokens rotate within it, never past it. */
    REFRESH_TOKEN_TTL_SECONDS: count(60, 86_400 * 365, 86_400 * 14),
    /** How long a replica trusts its last look at a session: revocation takes effect within it. */
    SESSION_CHECK_CACHE_MS: count(0, 60_000, 5_000),
    /**
     * How long a session (and its refresh tokens) is kept after it ended — revoked, or past its
     * life — so ops can still see recent ones; then AuthRetention deletes it.
     */
    SESSION_RETENTION_HOURS: count(1, 24 * 3650, 24 * 30),
    PAYMENTS_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** How far a webhook's signed time may be from the gateway's clock, either way. */
    PAYMENTS_WEBHOOK_TOLERANCE_SECONDS: count(1, 86_400, 300),
    OPS_EMAIL: z.string().email().default('ops@glimmer.local'),
    OPS_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    /**
     * The queue board (/ops/queues) is the scheduler's: the gateway authenticates ops users and
     * proxies to it, sending QUEUE_BOARD_SECRET (the scheduler's value), without which the
     * scheduler refuses. SCHEDULER_QUEUE_BOARD_URL is the scheduler's internal HEALTH_PORT.
     */
    QUEUE_BOARD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SCHEDULER_QUEUE_BOARD_URL: z.string().url().default('http://127.0.0.1:3103'),
    /** How long the scheduler may leave a proxied board request silent: then a 504, not a hang. */
    SCHEDULER_QUEUE_BOARD_TIMEOUT_MS: count(100, 120_000, 10_000),
    /** How long a completed Idempotency-Key is remembered. */
    IDEMPOTENCY_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    /** /metrics reuses the dead-letter queue depths it read for this long (one broker read per window). */
    QUEUE_DEPTH_CACHE_MS: count(0, 3_600_000, 15_000),
    /** The ledger check reads every entry, so it may take longer than an ordinary RPC. */
    LEDGER_VERIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(20),
    /** Session cookies' Secure flag: `auto` sets it when the request came over TLS. */
    COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
    /** Proxy hops to trust for X-Forwarded-* (TLS terminated in front of the gateway); 0: none. */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * How long an idle keep-alive connection stays open. Longer than a load balancer's idle
     * timeout (60 s on most), so the gateway never closes a connection the balancer is about to
     * reuse; Node's own 5 s races any client that reuses a connection after about 5 s idle.
     */
    HTTP_KEEP_ALIVE_MS: count(1_000, 120_000, 65_000),
    /** The built web app (index.html and assets); unset: dist/web beside the compiled gateway. */
    WEB_DIST_DIR: z.string().optional(),
    /** Rate limits (see README, Rate limits): requests per RATE_LIMIT_WINDOW_SECONDS, in Redis. */
    RATE_LIMIT_WINDOW_SECONDS: count(1, 86_400, 60),
    RATE_LIMIT_LOGIN_PER_IP: count(1, 1_000_000, 30),
    /** Failed logins an account may have before each further one doubles the wait. */
    RATE_LIMIT_LOGIN_FAILURES: count(1, 1_000_000, 5),
    RATE_LIMIT_LOGIN_BACKOFF_BASE_MS: count(1, 3_600_000, 1_000),
    RATE_LIMIT_LOGIN_BACKOFF_MAX_MS: count(1, 86_400_000, 900_000),
    RATE_LIMIT_SIGNUP_PER_IP: count(1, 1_000_000, 10),
    RATE_LIMIT_INVITE_PER_IP: count(1, 1_000_000, 30),
    RATE_LIMIT_RESEND_PER_TENANT: count(1, 1_000_000, 10),
    RATE_LIMIT_UPLOAD_PER_TENANT: count(1, 1_000_000, 30),
    RATE_LIMIT_WRITE_PER_TENANT: count(1, 1_000_000, 120),
    /** How long an email verification link works, and how many a member may be sent a day. */
    EMAIL_VERIFICATION_TTL_HOURS: count(1, 24 * 30, 24),
    EMAIL_VERIFICATION_SENDS_PER_DAY: count(1, 1_000, 5),
    /**
     * How long a verification link's row is kept after it expired (used or not). At least a
     * day: EMAIL_VERIFICATION_SENDS_PER_DAY counts the links of the last day.
     */
    EMAIL_VERIFICATION_RETENTION_HOURS: count(24, 24 * 3650, 24 * 30),
    /** AuthRetention: how often ended sessions and old links are deleted, how many per transaction. */
    AUTH_PRUNE_EVERY_MS: count(1_000, 86_400_000, 3_600_000),
    AUTH_PRUNE_BATCH: count(1, 100_000, 5_000),
    /** scrypt runs at once (libuv has 4 threads by default); the rest wait in a bounded queue. */
    PASSWORD_HASH_CONCURRENCY: count(1, 64, 2),
    PASSWORD_HASH_QUEUE_MAX: count(0, 100_000, 100),
    PASSWORD_HASH_QUEUE_TIMEOUT_MS: count(1, 60_000, 3_000),
  })
  .superRefine(refuseUnsafeInProduction)
  .superRefine((config, ctx) => {
    if (config.NODE_ENV !== 'production') return;
    for (const key of Object.keys(DEV_DEFAULTS) as DevDefaultKey[]) {
      if (!config[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      else if (config[key] === DEV_DEFAULTS[key]) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'must not be the development default in production',
        });
      }
    }
  })
  .transform((config) => ({
    ...config,
    JWT_SECRET: config.JWT_SECRET ?? DEV_DEFAULTS.JWT_SECRET,
    PAYMENTS_WEBHOOK_SECRET: config.PAYMENTS_WEBHOOK_SECRET ?? DEV_DEFAULTS.PAYMENTS_WEBHOOK_SECRET,
    OPS_PASSWORD: config.OPS_PASSWORD ?? DEV_DEFAULTS.OPS_PASSWORD,
    QUEUE_BOARD_SECRET: config.QUEUE_BOARD_SECRET ?? DEV_DEFAULTS.QUEUE_BOARD_SECRET,
  }));

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function gatewayDatabase(config: GatewayConfig): ServiceDatabase {
  return {
    service: 'gateway',
    prefix: config.GLIMMER_PREFIX,
    databaseUrl: config.DATABASE_URL,
    // Identities and idempotency records are read and written with plain SQL.
    entities: GATEWAY_ENTITIES,
    sqlTables: GATEWAY_SQL_TABLES,
    migrations: GATEWAY_MIGRATIONS,
    poolMax: config.DB_POOL_MAX,
  };
}
