import { createHash } from 'node:crypto';
import { z } from 'zod';
import { baseConfigSchema } from '@glimmer/config/config';
import { refuseUnsafeInProduction } from '@glimmer/config/production-guards';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { PAYOUT_ENTITIES, PAYOUT_SQL_TABLES } from './payout.entities';
import { PAYOUT_MIGRATIONS } from './migrations';
import { retryWindowMs } from './payouts/payout-schedule';

const DAY_MS = 86_400_000;

/**
 * Development-only encryption key for payout method secrets; refused in production so a
 * deployment cannot encrypt bank details with a key published in this repository.
 */
export const DEV_PAYOUT_ENCRYPTION_KEY = createHash('sha256')
  .update('glimmer-development-payout-key-not-for-production')
  .digest('base64');

/** A base64 AES-256 key: exactly 32 bytes once decoded. */
const aesKey = z
  .string()
  .refine(
    (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === 32,
    'must be 32 random bytes, base64-encoded (openssl rand -base64 32)',
  );

export const payoutConfigSchema = baseConfigSchema
  .extend({
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(20),
    /** The promise to creators: paid no later than this many days after their invoice is paid. */
    PAYOUT_MAX_DAYS: z.coerce.number().int().min(1).max(60).default(14),
    /** Hold between the invoice being paid and the first attempt (refunds, disputes). */
    PAYOUT_DISPATCH_DELAY_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(3 * DAY_MS),
    /** Attempts before a payout is flagged for ops (`needs_attention`). */
    PAYOUT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    /** First retry delay; attempt n+1 waits base × 2^(n-1), never past the payout's due date. */
    PAYOUT_RETRY_BASE_MS: z.coerce
      .number()
      .int()
      .min(1)
      .max(DAY_MS)
      .default(15 * 60_000),
    /** A payout `processing` longer than this lost its worker mid-call: the sweep re-drives it. */
    PAYOUT_PROCESSING_STUCK_MS: z.coerce.number().int().min(1_000).default(120_000),
    /** A provider call without an answer after this is an unknown outcome (left processing). */
    PAYOUT_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
    PAYOUT_PROVIDER: z.enum(['sandbox']).default('sandbox'),
    /** Share of sandbox transfers that fail (0..1). */
    PAYOUT_SANDBOX_FAIL_RATE: z.coerce.number().min(0).max(1).default(0),
    PAYOUT_SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(200),
    /** AES-256-GCM key for payout method secrets (base64, 32 bytes); required in production. */
    PAYOUT_ENCRYPTION_KEY: aesKey.optional(),
    /**
     * Earlier keys, comma-separated, still accepted for decryption during a rotation: secrets
     * carry their key's id, new ones are written with PAYOUT_ENCRYPTION_KEY.
     */
    PAYOUT_ENCRYPTION_PREVIOUS_KEYS: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((k) => k.trim()) : []))
      .pipe(z.array(aesKey)),
  })
  .superRefine(refuseUnsafeInProduction)
  .superRefine((config, ctx) => {
    const promiseMs = config.PAYOUT_MAX_DAYS * DAY_MS;
    if (config.PAYOUT_DISPATCH_DELAY_MS > promiseMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYOUT_DISPATCH_DELAY_MS'],
        message: `must not exceed PAYOUT_MAX_DAYS (${config.PAYOUT_MAX_DAYS} days)`,
      });
    } else {
      const window = retryWindowMs(config.PAYOUT_MAX_ATTEMPTS, config.PAYOUT_RETRY_BASE_MS);
      if (config.PAYOUT_DISPATCH_DELAY_MS + window > promiseMs) {
        ctx.addIssue({
          code: 'custom',
          path: ['PAYOUT_RETRY_BASE_MS'],
          message: `the dispatch delay plus every retry (${Math.round(window / 60_000)} min with PAYOUT_MAX_ATTEMPTS=${config.PAYOUT_MAX_ATTEMPTS}) must fit in PAYOUT_MAX_DAYS`,
        });
      }
    }
    if (config.PAYOUT_PROCESSING_STUCK_MS <= config.PAYOUT_PROVIDER_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYOUT_PROCESSING_STUCK_MS'],
        message: 'must be longer than PAYOUT_PROVIDER_TIMEOUT_MS, or live calls would be re-driven',
      });
    }
    if (config.NODE_ENV !== 'production') return;
    if (!config.PAYOUT_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYOUT_ENCRYPTION_KEY'],
        message: 'is required in production',
      });
    } else if (config.PAYOUT_ENCRYPTION_KEY === DEV_PAYOUT_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYOUT_ENCRYPTION_KEY'],
        message: 'must not be the development default in production',
      });
    }
  })
  .transform((config) => ({
    ...config,
    PAYOUT_ENCRYPTION_KEY: config.PAYOUT_ENCRYPTION_KEY ?? DEV_PAYOUT_ENCRYPTION_KEY,
  }));

export type PayoutConfig = z.infer<typeof payoutConfigSchema>;

export function payoutDatabase(config: PayoutConfig): ServiceDatabase {
  return {
    service: 'payout',
    prefix: config.GLIMMER_PREFIX,
    databaseUrl: config.DATABASE_URL,
    // Entities in payout.entities.ts; state changes are conditional updates in the repositories.
    entities: PAYOUT_ENTITIES,
    sqlTables: PAYOUT_SQL_TABLES,
    migrations: PAYOUT_MIGRATIONS,
    poolMax: config.DB_POOL_MAX,
  };
}
