import { Inject, Injectable } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import { link, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CONFIG } from '@glimmer/config/config';
import {
  FileStorage,
  isSafeFileKey,
  measuring,
  type OpenedFile,
  type StoredFile,
} from './file-storage';
import { type StorageConfig, storageDirOf } from './storage.config';

/** Files being written, until complete: never served, removed by the sweep if left behind. */
const INCOMING = '.incoming';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files on local disk under FILE_STORAGE_DIR, named by their key. Every replica of the gateway
 * and creator-network must see the same directory (one machine, or a shared volume).
 */
@Injectable()
export class LocalDiskFileStorage extends FileStorage {
  private readonly dir: string;

  constructor(@Inject(CONFIG) config: StorageConfig) {
    super();
    this.dir = resolve(storageDirOf(config));
  }

  /** For tests and ops: the file a key is stored in. */
  pathOf(key: string): string {
    if (!isSafeFileKey(key)) throw new Error(`unsafe file key ${key}`);
    return resolve(this.dir, key);
  }

  async put(key: string, body: Readable, _contentType?: string): Promise<StoredFile> {
    const path = this.pathOf(key);
    const incoming = join(this.dir, INCOMING, `${key}.${randomUUID()}`);
    await mkdir(join(this.dir, INCOMING), { recursive: true });
    try {
      const meter = measuring();
      await pipeline(body, meter, createWriteStream(incoming, { flags: 'wx' }));
      // A hard link appears whole, and fails if the key exists: keys are never reused, so an
      // existing file would be a bug, not something to replace.
      await link(incoming, path);
      return meter.result();
    } finally {
      await unlink(incoming).catch(() => undefined);
    }
  }

  async open(key: string): Promise<OpenedFile | null> {
    if (!isSafeFileKey(key)) return null;
    try {
      // Opened first, then measured: a delete in between cannot cut the stream short.
      const handle = await open(this.pathOf(key), 'r');
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), size };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async size(key: string): Promise<number | null> {
    if (!isSafeFileKey(key)) return null;
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((err: unknown) => {
      if (!isMissing(err)) throw err;
    });
  }

  async *keysWrittenBefore(before: Date): AsyncIterable<string> {
    // What a crashed process left half-written is older than any upload in flight: removed.
    for (const name of await this.names(join(this.dir, INCOMING))) {
      const path = join(this.dir, INCOMING, name);
      if ((await this.modifiedAt(path)) < before) await unlink(path).catch(() => undefined);
    }
    for (const name of await this.names(this.dir)) {
      if (isSafeFileKey(name) && (await this.modifiedAt(this.pathOf(name))) < before) yield name;
    }
  }

  private async names(dir: string): Promise<string[]> {
    return readdir(dir).catch((err: unknown) => {
      if (isMissing(err)) return [];
      throw err;
    });
  }

  /** A file's last write; one that vanished meanwhile counts as new (nothing to do with it). */
  private async modifiedAt(path: string): Promise<Date> {
    return stat(path).then(
      (s) => s.mtime,
      () => new Date(8.64e15),
    );
  }
}
