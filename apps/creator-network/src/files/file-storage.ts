import { Inject, Injectable } from '@nestjs/common';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONFIG } from '@glimmer/config/config';
import { FILE_KEY_PATTERN } from '@glimmer/contracts/network/creator.messages';
import type { NetworkConfig } from '../creator-network.config';

/** The URL a stored file is served at (by the gateway, to whoever may see it). */
export const fileUrl = (key: string) => `/v1/files/${key}`;

/**
 * A stored URL as clients see it: photos stored before files were served kept `/photos/<key>`,
 * which nothing answers; they are shown as `/v1/files/<key>`, which does.
 */
export const publicFileUrl = (url: string) =>
  url.startsWith('/photos/') ? fileUrl(url.slice('/photos/'.length)) : url;

export const isSafeFileKey = (key: string) => FILE_KEY_PATTERN.test(key);

/**
 * Where uploaded files (profile photos, work samples) are kept. The default keeps them on local
 * disk; an object store (S3…) implements the same two members and is bound to this token instead.
 */
export abstract class FileStorage {
  /** Stores the bytes under `key` (a random id + extension) and answers the file's URL. */
  abstract put(key: string, bytes: Buffer, contentType: string): Promise<{ url: string }>;
  /** The bytes stored under `key`, or null when there are none (or the key is not one of ours). */
  abstract get(key: string): Promise<Buffer | null>;
}

/**
 * Files under FILE_STORAGE_DIR (falling back to PHOTO_STORAGE_DIR, default `var/photos`, where
 * photos were kept before samples could be files), named by their key.
 */
@Injectable()
export class LocalDiskFileStorage extends FileStorage {
  private readonly dir: string;

  constructor(@Inject(CONFIG) config: NetworkConfig) {
    super();
    this.dir = resolve(config.FILE_STORAGE_DIR ?? config.PHOTO_STORAGE_DIR);
  }

  /** For tests and ops: the file a key is stored in. */
  pathOf(key: string): string {
    if (!isSafeFileKey(key)) throw new Error(`unsafe file key ${key}`);
    return resolve(this.dir, key);
  }

  async put(key: string, bytes: Buffer): Promise<{ url: string }> {
    const path = this.pathOf(key);
    await mkdir(this.dir, { recursive: true });
    // `wx`: a key is never reused, so an existing file would be a bug, not something to replace.
    await writeFile(path, bytes, { flag: 'wx' });
    return { url: fileUrl(key) };
  }

  async get(key: string): Promise<Buffer | null> {
    if (!isSafeFileKey(key)) return null;
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
}
