import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireCreator } from '@glimmer/contracts/actor';
import {
  PHOTO_CONTENT_TYPES,
  PHOTO_MAX_BYTES,
  type PhotoView,
  type StoredFileInput,
} from '@glimmer/contracts/network/creator.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { fileUrl } from '../files/file-urls';
import { CreatorFilesRepository } from './creator-files.repository';
import { CreatorRepository } from './creator.repository';
import { megabytes, StoredFiles } from './stored-files';

const PHOTO_TYPES: ReadonlySet<string> = new Set(PHOTO_CONTENT_TYPES);

export interface RecordPhotoCommand {
  actor: Actor;
  file: StoredFileInput;
}

/** The creator's profile photo (JPEG, PNG or WebP, at most 5 MB); the previous one is deleted. */
@Injectable()
export class RecordPhoto {
  constructor(
    private readonly orm: MikroORM,
    private readonly creators: CreatorRepository,
    private readonly files: CreatorFilesRepository,
    private readonly stored: StoredFiles,
  ) {}

  async execute({ actor, file }: RecordPhotoCommand): Promise<PhotoView> {
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
    await this.stored.requireStored(file);
    const url = fileUrl(file.key);
    const replaced = await this.orm.em.fork().transactional(async (em) => {
      // Locked: two uploads by one creator are counted against the quota one after the other.
      const creator = await this.creators.lock(em, creatorId);
      if (!creator) throw notFound('creator');
      // A redelivered request: already recorded, nothing more to do.
      if (creator.photoKey === file.key) return null;
      const previous = creator.photoKey;
      await this.stored.checkQuota(em, creator, file, { replacingPhoto: previous !== null });
      await this.files.setPhoto(em, creator, url, file);
      return previous;
    });
    if (replaced) await this.stored.deleteStored(replaced);
    return {
      photoUrl: url,
      contentType: file.contentType as PhotoView['contentType'],
      size: file.size,
    };
  }
}
