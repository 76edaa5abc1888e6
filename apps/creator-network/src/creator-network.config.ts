import { z } from 'zod';
import { baseConfigSchema } from '@glimmer/config/config';
import { refuseUnsafeInProduction } from '@glimmer/config/production-guards';
import { storageConfigSchema } from '@glimmer/storage/storage.config';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { NETWORK_ENTITIES, NETWORK_SQL_TABLES } from './creator-network.entities';
import { NETWORK_MIGRATIONS } from './migrations';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Development-only fallback; refused in production so invite tokens cannot be derived by anyone. */
export const DEV_INVITE_TOKEN_SECRET = 'glimmer-development-invite-secret-not-for-production';

export const networkConfigSchema = baseConfigSchema
  .merge(storageConfigSchema)
  .extend({
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(20),
    /** How long an invite (and each resend) stays valid. */
    INVITE_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 7),
    /**
     * Invite emails (new invites and resends) one brand may have sent in any 24 hours: each
     * carries the brand's own text to an address it chose.
     */
    NETWORK_INVITES_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(50),
    /** The page creators open from the invite email; the token is appended as `?token=`. */
    INVITE_ACCEPT_URL: z.string().url().default('http://127.0.0.1:3000/invites/accept'),
    /**
     * The key invite tokens are derived with (HMAC-SHA256 of the invite id and a per-issue
     * nonce); only creator-network holds it. Changing it leaves links already emailed working
     * (their hash is stored) but invite emails still waiting to be sent are skipped (resend them).
     */
    INVITE_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Per creator: the bytes their stored files (photo and sample files) may add up to. */
    UPLOAD_QUOTA_BYTES: z.coerce
      .number()
      .int()
      .min(1024 * 1024)
      .default(200 * 1024 * 1024),
    /** Per creator: how many stored files (photo and sample files) they may have. */
    UPLOAD_QUOTA_FILES: z.coerce.number().int().min(1).max(10_000).default(50),
    /** How often one replica looks for stored files nothing refers to (and deletes them). */
    FILE_SWEEP_EVERY_MS: z.coerce.number().int().min(1_000).max(DAY_MS).default(HOUR_MS),
    /**
     * How old an unreferenced file must be before the sweep deletes it: longer than any upload's
     * RPC can still be in flight (RPC_TIMEOUT_MS is at most 2 minutes), so a file whose metadata
     * is about to be recorded is never taken.
     */
    FILE_ORPHAN_GRACE_MS: z.coerce
      .number()
      .int()
      .min(5 * 60_000)
      .max(30 * DAY_MS)
      .default(HOUR_MS),
  })
  .superRefine(refuseUnsafeInProduction)
  .superRefine((config, ctx) => {
    // The published development default is refused by refuseUnsafeInProduction.
    if (config.NODE_ENV === 'production' && !config.INVITE_TOKEN_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['INVITE_TOKEN_SECRET'],
        message: 'is required in production',
      });
  })
  .transform((config) => ({
    ...config,
    INVITE_TOKEN_SECRET: config.INVITE_TOKEN_SECRET ?? DEV_INVITE_TOKEN_SECRET,
  }));

export type NetworkConfig = z.infer<typeof networkConfigSchema>;

export function networkDatabase(config: NetworkConfig): ServiceDatabase {
  return {
    service: 'creator-network',
    prefix: config.GLIMMER_PREFIX,
    databaseUrl: config.DATABASE_URL,
    // Written with plain SQL, like the other services.
    entities: NETWORK_ENTITIES,
    sqlTables: NETWORK_SQL_TABLES,
    migrations: NETWORK_MIGRATIONS,
    poolMax: config.DB_POOL_MAX,
  };
}
