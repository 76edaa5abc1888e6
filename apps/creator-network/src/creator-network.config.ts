import { z } from 'zod';
import { baseConfigSchema } from '@glimmer/config/config';
import { storageConfigSchema } from '@glimmer/storage/storage.config';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { NETWORK_MIGRATIONS } from './migrations';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const networkConfigSchema = baseConfigSchema.merge(storageConfigSchema).extend({
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(20),
  /** How long an invite (and each resend) stays valid. */
  INVITE_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** The page creators open from the invite email; the token is appended as `?token=`. */
  INVITE_ACCEPT_URL: z.string().url().default('http://127.0.0.1:3000/invites/accept'),
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
});

export type NetworkConfig = z.infer<typeof networkConfigSchema>;

export function networkDatabase(config: NetworkConfig): ServiceDatabase {
  return {
    service: 'creator-network',
    prefix: config.GLIMMER_PREFIX,
    databaseUrl: config.DATABASE_URL,
    // Written with plain SQL, like the other services.
    entities: [],
    migrations: NETWORK_MIGRATIONS,
    poolMax: config.DB_POOL_MAX,
  };
}
