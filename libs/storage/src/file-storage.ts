import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { FILE_KEY_PATTERN } from '@glimmer/contracts/network/creator.messages';

/** What storing a file measured from its bytes as they went by. */
export interface StoredFile {
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

/** A stored file opened for reading. */
export interface OpenedFile {
  stream: Readable;
  size: number;
}

/** Keys are a random UUID and an extension; anything else names no file (and never a path). */
export const isSafeFileKey = (key: string) => FILE_KEY_PATTERN.test(key);

/**
 * Where uploaded files (profile photos, work samples) are kept, by key. Local disk is the
 * default (`LocalDiskFileStorage`); an object store (S3-compatible) implements the same members
 * and is bound to this token instead. Every member streams: no file is held whole in memory.
 */
export abstract class FileStorage {
  /**
   * Streams `body` in under `key`, which must not exist yet. The file becomes visible under
   * `key` only once complete; on any error nothing is left under it.
   */
  abstract put(key: string, body: Readable, contentType: string): Promise<StoredFile>;
  /** The file under `key` for reading, or null when there is none. */
  abstract open(key: string): Promise<OpenedFile | null>;
  /** The size of the file under `key`, or null when there is none. */
  abstract size(key: string): Promise<number | null>;
  /** Removes the file under `key`; removing a file that is not there is no error. */
  abstract delete(key: string): Promise<void>;
  /** Every stored key last written before `before` (for the orphan sweep). */
  abstract keysWrittenBefore(before: Date): AsyncIterable<string>;
}

/** Counts and hashes the bytes that pass through it; `result()` once they have all passed. */
export function measuring(): Transform & { result(): StoredFile } {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  return Object.assign(meter, { result: () => ({ size, sha256: hash.digest('hex') }) });
}
