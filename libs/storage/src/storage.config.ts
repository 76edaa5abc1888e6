import { z } from 'zod';

/**
 * Where uploaded files are kept, read by every service that touches them (the gateway writes
 * and serves them, creator-network checks and deletes them): both must see the same storage.
 */
export const storageConfigSchema = z.object({
  /**
   * The local-disk storage's directory (relative to the working directory). Unset:
   * PHOTO_STORAGE_DIR, its older name.
   */
  FILE_STORAGE_DIR: z.string().min(1).optional(),
  /** The storage directory's older name (photos only, then); used when FILE_STORAGE_DIR is unset. */
  PHOTO_STORAGE_DIR: z.string().min(1).default('var/photos'),
});

export type StorageConfig = z.infer<typeof storageConfigSchema>;

/** The directory the local-disk storage keeps files in. */
export const storageDirOf = (config: StorageConfig) =>
  config.FILE_STORAGE_DIR ?? config.PHOTO_STORAGE_DIR;
