import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { type Actor, isBrandActor } from '@glimmer/contracts/actor';
import {
  type FileContentView,
  PHOTO_MAX_BYTES,
  type PhotoView,
  SAMPLE_FILE_MAX_BYTES,
  type SampleFileContentType,
  type WorkSampleView,
} from '@glimmer/contracts/network/creator.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { isCreatorActor, requireCreator } from '../common/actors';
import { FileStorage, isSafeFileKey } from '../files/file-storage';
import { detectFileType, detectPhotoType, FILE_EXTENSIONS } from '../files/file-type';
import { CreatorRepository } from './creator.repository';

interface Upload<T extends SampleFileContentType> {
  /** "photo" or "file", for the error messages. */
  what: string;
  maxBytes: number;
  detect: (bytes: Buffer) => T | null;
  /** The accepted types, in words. */
  accepted: string;
}

const PHOTO_UPLOAD: Upload<PhotoView['contentType']> = {
  what: 'photo',
  maxBytes: PHOTO_MAX_BYTES,
  detect: detectPhotoType,
  accepted: 'a JPEG, PNG or WebP image',
};

const SAMPLE_UPLOAD: Upload<SampleFileContentType> = {
  what: 'file',
  maxBytes: SAMPLE_FILE_MAX_BYTES,
  detect: detectFileType,
  accepted: 'a JPEG, PNG or WebP image, a PDF document or an MP4 video',
};

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

/**
 * Uploaded files (profile photos, work samples as files) and serving them: each is told by its
 * magic bytes (never its name or declared type), stored under a random key and recorded on the
 * creator; it is served to the creator and to the brands whose network the creator is in.
 */
@Injectable()
export class CreatorFilesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly creators: CreatorRepository,
    private readonly storage: FileStorage,
  ) {}

  /** The creator's profile photo: JPEG, PNG or WebP, at most 5 MB. */
  async uploadPhoto(actor: Actor, contentBase64: string): Promise<PhotoView> {
    const { creatorId } = requireCreator(actor);
    const { bytes, contentType } = this.decode(contentBase64, PHOTO_UPLOAD);
    const em = this.orm.em.fork();
    if (!(await this.creators.byId(em, creatorId))) throw notFound('creator');
    const key = `${randomUUID()}.${FILE_EXTENSIONS[contentType]}`;
    const { url } = await this.storage.put(key, bytes, contentType);
    await this.creators.setPhoto(em, creatorId, url, key);
    return { photoUrl: url, contentType, size: bytes.length };
  }

  /** A work sample that is a file: an image, a PDF or an MP4 video, at most 10 MB. */
  async addSampleFile(
    actor: Actor,
    sample: { title: string; description?: string },
    contentBase64: string,
  ): Promise<WorkSampleView> {
    const { creatorId } = requireCreator(actor);
    const { bytes, contentType } = this.decode(contentBase64, SAMPLE_UPLOAD);
    const em = this.orm.em.fork();
    if (!(await this.creators.byId(em, creatorId))) throw notFound('creator');
    const key = `${randomUUID()}.${FILE_EXTENSIONS[contentType]}`;
    const { url } = await this.storage.put(key, bytes, contentType);
    return this.creators.addSampleFile(em, creatorId, sample, {
      key,
      url,
      contentType,
      size: bytes.length,
    });
  }

  /**
   * A stored file for the creator it belongs to or a brand whose network that creator is in
   * (the rule of a brand's creator view). Anyone else, an unknown key and a key that is not one
   * of ours are all the same 404: nobody learns which files exist.
   */
  async read(actor: Actor, key: string): Promise<FileContentView> {
    if (!isSafeFileKey(key)) throw notFound('file');
    const em = this.orm.em.fork();
    const owner = await this.creators.fileOwner(em, key);
    if (!owner || !(await this.maySee(em, actor, owner.creatorId))) throw notFound('file');
    const bytes = await this.storage.get(key);
    if (!bytes) throw notFound('file');
    // Sample files recorded their type; photos are told again by their (already checked) bytes.
    const contentType = owner.contentType ?? detectFileType(bytes);
    if (!contentType) throw notFound('file');
    return { key, contentType, size: bytes.length, contentBase64: bytes.toString('base64') };
  }

  private async maySee(em: EntityManager, actor: Actor, creatorId: string): Promise<boolean> {
    if (isCreatorActor(actor)) return actor.creatorId === creatorId;
    if (isBrandActor(actor)) return this.creators.isMember(em, actor.brandId, creatorId);
    return false;
  }

  private decode<T extends SampleFileContentType>(
    contentBase64: string,
    upload: Upload<T>,
  ): { bytes: Buffer; contentType: T } {
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.length === 0)
      throw new DomainError('validation_failed', `The ${upload.what} is empty`);
    if (bytes.length > upload.maxBytes) {
      throw new DomainError(
        'payload_too_large',
        `The ${upload.what} is larger than ${megabytes(upload.maxBytes)}`,
      );
    }
    const contentType = upload.detect(bytes);
    if (!contentType) {
      throw new DomainError(
        'unsupported_media_type',
        `The ${upload.what} must be ${upload.accepted}`,
      );
    }
    return { bytes, contentType };
  }
}
