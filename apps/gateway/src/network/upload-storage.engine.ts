import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import {
  PHOTO_CONTENT_TYPES,
  SAMPLE_FILE_CONTENT_TYPES,
  type SampleFileContentType,
  type StoredFileInput,
} from '@glimmer/contracts/network/creator.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { FileStorage } from '@glimmer/storage/file-storage';
import { detectFileType, FILE_EXTENSIONS, FILE_TYPE_PROBE_BYTES } from '@glimmer/storage/file-type';

/** What multer hands the controller for an upload this engine stored. */
export type StoredUpload = StoredFileInput;

interface UploadRule {
  /** "photo" or "file", for the error messages. */
  what: string;
  types: readonly SampleFileContentType[];
  /** The accepted types, in words. */
  accepted: string;
}

/** The upload routes' multipart fields, and what each accepts (told by magic bytes). */
const RULES: Record<string, UploadRule> = {
  photo: { what: 'photo', types: PHOTO_CONTENT_TYPES, accepted: 'a JPEG, PNG or WebP image' },
  file: {
    what: 'file',
    types: SAMPLE_FILE_CONTENT_TYPES,
    accepted: 'a JPEG, PNG or WebP image, a PDF document or an MP4 video',
  },
};

/** Busboy's file stream: `truncated` once it cut the file at the route's size limit. */
type UploadStream = Readable & { truncated?: boolean };

/** The part of multer's file a storage engine reads (multer ships no types). */
interface IncomingFile {
  fieldname: string;
  stream: UploadStream;
}

/**
 * The first `n` bytes of the stream (fewer if it ends first), and the stream to read the whole
 * file from afterwards: nothing is read past what the type needs before storing begins.
 */
function probe(stream: UploadStream, n: number): Promise<{ head: Buffer; body: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (ended: boolean) => {
      stream.off('data', onData).off('end', onEnd).off('error', reject);
      const head = Buffer.concat(chunks);
      // Ended already: the head is the whole file.
      if (ended) return resolve({ head, body: Readable.from([head]) });
      stream.pause();
      stream.unshift(head);
      resolve({ head, body: stream });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= n) finish(false);
    };
    const onEnd = () => finish(true);
    stream.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

/**
 * Multer's storage engine (its `_handleFile`/`_removeFile` protocol) for the upload routes: streams each file straight into the file storage —
 * never whole in memory, never over the broker — after telling its type by its first bytes
 * (a type the field does not accept is a 415 and stores nothing). The key is a random UUID
 * with the type's extension; size and SHA-256 are measured as the bytes go by. Multer removes
 * the file again when the request fails after it was stored (size limit, a field at fault).
 */
export class StorageUploadEngine {
  constructor(private readonly storage: FileStorage) {}

  _handleFile(
    _req: Request,
    file: IncomingFile,
    callback: (error: unknown, info?: StoredUpload) => void,
  ): void {
    this.store(file.fieldname, file.stream).then(
      (stored) => callback(null, stored),
      (err: unknown) => callback(err),
    );
  }

  _removeFile(
    _req: Request,
    file: Partial<StoredUpload>,
    callback: (error: Error | null) => void,
  ): void {
    if (!file.key) return callback(null);
    this.storage.delete(file.key).then(
      () => callback(null),
      (err: Error) => callback(err),
    );
  }

  private async store(field: string, stream: UploadStream): Promise<StoredUpload> {
    const rule = RULES[field];
    if (!rule) {
      stream.resume();
      throw new DomainError('validation_failed', `Unexpected file field "${field}"`);
    }
    const { head, body } = await probe(stream, FILE_TYPE_PROBE_BYTES);
    if (head.length === 0) {
      body.resume();
      throw new DomainError('validation_failed', `The ${rule.what} is empty`);
    }
    const contentType = detectFileType(head);
    if (!contentType || !rule.types.includes(contentType)) {
      body.resume();
      throw new DomainError('unsupported_media_type', `The ${rule.what} must be ${rule.accepted}`);
    }
    const key = `${randomUUID()}.${FILE_EXTENSIONS[contentType]}`;
    const { size, sha256 } = await this.storage.put(key, body, contentType);
    if (stream.truncated) {
      // Cut at the route's limit: multer answers 413; what was stored is not the file.
      await this.storage.delete(key);
      throw new DomainError('payload_too_large', `The ${rule.what} is too large`);
    }
    return { key, contentType, size, sha256 };
  }
}
