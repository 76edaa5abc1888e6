import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@glimmer/errors/domain-error';
import { FileStorage } from '@glimmer/storage/file-storage';
import type { StoredUpload } from './upload-storage.engine';

/** Files the gateway stored for an upload, until creator-network has recorded them. */
@Injectable()
export class UploadedFiles {
  private readonly logger = new Logger(UploadedFiles.name);

  constructor(private readonly storage: FileStorage) {}

  /**
   * Sends a stored upload's metadata to be recorded. A refusal (a 4xx: quota, validation, not
   * found) committed nothing, so the file is deleted at once; after a 5xx or a timeout the
   * record may yet exist, so the file is left to creator-network's orphan sweep, which deletes
   * it only if nothing refers to it.
   */
  async record<T>(upload: StoredUpload, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (err) {
      if (err instanceof DomainError && err.status < 500) {
        await this.storage.delete(upload.key).catch((cause: Error) => {
          this.logger.warn(`could not delete refused upload ${upload.key}: ${cause.message}`);
        });
      }
      throw err;
    }
  }
}
