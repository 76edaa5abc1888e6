import { Inject, Injectable } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONFIG } from '@glimmer/config/config';
import type { NetworkConfig } from '../creator-network.config';

/**
 * Where profile photos are kept. The default keeps them on local disk; an object store (S3…)
 * implements the same two members and is bound to this token instead.
 */
export abstract class PhotoStorage {
  /** Stores the bytes under `key` (a random id + extension) and answers the photo's URL. */
  abstract put(key: string, bytes: Buffer, contentType: string): Promise<{ url: string }>;
}

/** Files under PHOTO_STORAGE_DIR (default `var/photos`), named by their key. */
@Injectable()
export class LocalDiskPhotoStorage extends PhotoStorage {
  private readonly dir: string;

  constructor(@Inject(CONFIG) config: NetworkConfig) {
    super();
    this.dir = resolve(config.PHOTO_STORAGE_DIR);
  }

  /** For tests and ops: the file a key is stored in. */
  pathOf(key: string): string {
    return resolve(this.dir, key);
  }

  async put(key: string, bytes: Buffer): Promise<{ url: string }> {
    if (!/^[A-Za-z0-9-]+\.[a-z]+$/.test(key)) throw new Error(`unsafe photo key ${key}`);
    await mkdir(this.dir, { recursive: true });
    // `wx`: a key is never reused, so an existing file would be a bug, not something to replace.
    await writeFile(this.pathOf(key), bytes, { flag: 'wx' });
    return { url: `/photos/${key}` };
  }
}
