import { z } from 'zod';
import { baseConfigSchema } from '@glimmer/config/config';
import { refuseUnsafeInProduction } from '@glimmer/config/production-guards';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { NETWORK_MIGRATIONS } from './migrations';

export const networkConfigSchema = baseConfigSchema
  .extend({
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
    /**
     * Where the local-disk file storage keeps uploaded files: profile photos and work samples
     * (relative to the working directory). Unset: PHOTO_STORAGE_DIR, its older name.
     */
    FILE_STORAGE_DIR: z.string().min(1).optional(),
    /** The storage directory's older name (photos only, then); used when FILE_STORAGE_DIR is unset. */
    PHOTO_STORAGE_DIR: z.string().min(1).default('var/photos'),
  })
  .superRefine(refuseUnsafeInProduction);

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
