import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import type { StoredFileInput } from '@glimmer/contracts/network/creator.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { FileStorage } from '@glimmer/storage/file-storage';
import type { NetworkConfig } from '../creator-network.config';
import type { Creator } from './creator.entity';
import { CreatorFilesRepository } from './creator-files.repository';

export const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * The rules every recorded upload follows (profile photos, sample files): the gateway streams
 * the bytes to the file storage and sends only their metadata here; the file must be in the
 * storage, fit the creator's quota (UPLOAD_QUOTA_BYTES, UPLOAD_QUOTA_FILES), and a replaced or
 * removed file is deleted once the change is committed.
 */
@Injectable()
export class StoredFiles {
  private readonly logger = new Logger(StoredFiles.name);

  constructor(
    private readonly files: CreatorFilesRepository,
    private readonly storage: FileStorage,
    @Inject(CONFIG) private readonly config: NetworkConfig,
  ) {}

  /**
   * The gateway and this service must see the same storage: a file that is not there (another
   * directory, another bucket) would be recorded and never served, so it is refused loudly.
   */
  async requireStored(file: StoredFileInput): Promise<void> {
    const size = await this.storage.size(file.key);
    if (size === file.size) return;
    this.logger.error(
      `stored file ${file.key} is ${size === null ? 'missing' : `${size} B, not ${file.size} B`}: ` +
        'do the gateway and creator-network share FILE_STORAGE_DIR?',
    );
    throw new DomainError('dependency_unavailable', 'The uploaded file is not in the file storage');
  }

  /** Refuses a file that would take the creator past their quota (count first, then bytes). */
  async checkQuota(
    em: EntityManager,
    creator: Creator,
    file: StoredFileInput,
    { replacingPhoto }: { replacingPhoto: boolean },
  ): Promise<void> {
    const used = await this.files.usage(em, creator, !replacingPhoto);
    const { UPLOAD_QUOTA_FILES: maxFiles, UPLOAD_QUOTA_BYTES: maxBytes } = this.config;
    const quota = { usedFiles: used.files, usedBytes: used.bytes, maxFiles, maxBytes };
    if (used.files + 1 > maxFiles) {
      throw new DomainError(
        'upload_quota_files_exceeded',
        `You already have ${used.files} of the ${maxFiles} files you may upload; remove a sample to make room`,
        { meta: quota },
      );
    }
    if (used.bytes + file.size > maxBytes) {
      throw new DomainError(
        'upload_quota_bytes_exceeded',
        `This ${megabytes(file.size)} file would take your uploads past ${megabytes(maxBytes)} ` +
          `(${megabytes(used.bytes)} used); remove a sample to make room`,
        { meta: quota },
      );
    }
  }

  /** After the commit: a failure here leaves an unreferenced file, which the sweep deletes. */
  async deleteStored(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (err) {
      this.logger.warn(
        `could not delete replaced file ${key} (the sweep will): ${(err as Error).message}`,
      );
    }
  }
}
