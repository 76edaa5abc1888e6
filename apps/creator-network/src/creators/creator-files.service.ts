import { Inject, Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import { type Actor, isBrandActor } from '@glimmer/contracts/actor';
import {
  type FileMetadataView,
  PHOTO_CONTENT_TYPES,
  PHOTO_MAX_BYTES,
  type PhotoView,
  type StoredFileInput,
  type WorkSampleView,
} from '@glimmer/contracts/network/creator.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { FileStorage, isSafeFileKey } from '@glimmer/storage/file-storage';
import { contentTypeOfKey } from '@glimmer/storage/file-type';
import { isCreatorActor, requireCreator } from '@glimmer/contracts/actor';
import type { NetworkConfig } from '../creator-network.config';
import { fileUrl } from '../files/file-urls';
import { CreatorFilesRepository, type FileUsage } from './creator-files.repository';
import { CreatorRepository } from './creator.repository';

const PHOTO_TYPES: ReadonlySet<string> = new Set(PHOTO_CONTENT_TYPES);
const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Uploaded files (profile photos, work samples as files): the gateway streams the bytes to the
 * file storage (telling the type by magic bytes) and sends only their metadata here. This
 * service owns the records: it checks the file is in the storage, enforces the creator's quota
 * (UPLOAD_QUOTA_BYTES, UPLOAD_QUOTA_FILES), records it, and deletes a replaced or removed file
 * once the change is committed. A file is served to the creator and to brands whose network
 * the creator is in.
 */
@Injectable()
export class CreatorFilesService {
  private readonly logger = new Logger(CreatorFilesService.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly creators: CreatorRepository,
    private readonly files: CreatorFilesRepository,
    private readonly storage: FileStorage,
    @Inject(CONFIG) private readonly config: NetworkConfig,
  ) {}

  /** The creator's profile photo (JPEG, PNG or WebP, at most 5 MB); the previous one is deleted. */
  async recordPhoto(actor: Actor, file: StoredFileInput): Promise<PhotoView> {
    const { creatorId } = requireCreator(actor);
    if (!PHOTO_TYPES.has(file.contentType))
      throw new DomainError(
        'unsupported_media_type',
        'The photo must be a JPEG, PNG or WebP image',
      );
    if (file.size > PHOTO_MAX_BYTES)
      throw new DomainError(
        'payload_too_large',
        `The photo is larger than ${megabytes(PHOTO_MAX_BYTES)}`,
      );
    await this.requireStored(file);
    const url = fileUrl(file.key);
    const replaced = await this.orm.em.fork().transactional(async (em) => {
      const creator = await this.files.lockCreator(em, creatorId);
      if (!creator) throw notFound('creator');
      // A redelivered request: already recorded, nothing more to do.
      if (creator.photoKey === file.key) return null;
      await this.checkQuota(em, creatorId, file, { replacingPhoto: creator.photoKey !== null });
      await this.files.setPhoto(em, creatorId, url, file);
      return creator.photoKey;
    });
    if (replaced) await this.deleteStored(replaced);
    return {
      photoUrl: url,
      contentType: file.contentType as PhotoView['contentType'],
      size: file.size,
    };
  }

  /** A work sample that is a file: an image, a PDF or an MP4 video, at most 10 MB. */
  async addSampleFile(
    actor: Actor,
    sample: { title: string; description?: string },
    file: StoredFileInput,
  ): Promise<WorkSampleView> {
    const { creatorId } = requireCreator(actor);
    await this.requireStored(file);
    return this.orm.em.fork().transactional(async (em) => {
      if (!(await this.files.lockCreator(em, creatorId))) throw notFound('creator');
      const recorded = await this.files.fileOwner(em, file.key);
      if (!recorded) await this.checkQuota(em, creatorId, file, { replacingPhoto: false });
      else if (recorded.creatorId !== creatorId) throw notFound('file');
      // Inserted once: a redelivered request answers the sample the first one made.
      return this.files.addSampleFile(em, creatorId, sample, fileUrl(file.key), file);
    });
  }

  /** Removes one of the creator's samples, and its file once that is committed. */
  async removeSample(actor: Actor, sampleId: string): Promise<{ id: string }> {
    const { creatorId } = requireCreator(actor);
    const removed = await this.orm.em
      .fork()
      .transactional((em) => this.files.removeSample(em, creatorId, sampleId));
    if (!removed) throw notFound('sample');
    if (removed.fileKey) await this.deleteStored(removed.fileKey);
    return { id: sampleId };
  }

  /**
   * A stored file's metadata for the creator it belongs to or a brand whose network that
   * creator is in (the rule of a brand's creator view); the gateway then serves the bytes.
   * Anyone else, an unknown key and a key that is not one of ours are all the same 404: nobody
   * learns which files exist.
   */
  async read(actor: Actor, key: string): Promise<FileMetadataView> {
    if (!isSafeFileKey(key)) throw notFound('file');
    const em = this.orm.em.fork();
    const owner = await this.files.fileOwner(em, key);
    if (!owner || !(await this.maySee(em, actor, owner.creatorId))) throw notFound('file');
    const size = await this.storage.size(key);
    // Photos stored before their type was recorded: the key's extension came from it.
    const contentType = owner.contentType ?? contentTypeOfKey(key);
    if (size === null || !contentType) throw notFound('file');
    return { key, contentType, size };
  }

  private async maySee(em: EntityManager, actor: Actor, creatorId: string): Promise<boolean> {
    if (isCreatorActor(actor)) return actor.creatorId === creatorId;
    if (isBrandActor(actor)) return this.creators.isMember(em, actor.brandId, creatorId);
    return false;
  }

  /**
   * The gateway and this service must see the same storage: a file that is not there (another
   * directory, another bucket) would be recorded and never served, so it is refused loudly.
   */
  private async requireStored(file: StoredFileInput): Promise<void> {
    const size = await this.storage.size(file.key);
    if (size === file.size) return;
    this.logger.error(
      `stored file ${file.key} is ${size === null ? 'missing' : `${size} B, not ${file.size} B`}: ` +
        'do the gateway and creator-network share FILE_STORAGE_DIR?',
    );
    throw new DomainError('dependency_unavailable', 'The uploaded file is not in the file storage');
  }

  /** Refuses a file that would take the creator past their quota (count first, then bytes). */
  private async checkQuota(
    em: EntityManager,
    creatorId: string,
    file: StoredFileInput,
    { replacingPhoto }: { replacingPhoto: boolean },
  ): Promise<void> {
    const used: FileUsage = await this.files.usage(em, creatorId, !replacingPhoto);
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
  private async deleteStored(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (err) {
      this.logger.warn(
        `could not delete replaced file ${key} (the sweep will): ${(err as Error).message}`,
      );
    }
  }
}
