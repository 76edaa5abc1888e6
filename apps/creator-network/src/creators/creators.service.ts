import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@glimmer/contracts/actor';
import type {
  CreatorView,
  NetworkCreatorView,
  NetworkQuery,
  PhotoView,
  ProfileInput,
  SampleInput,
  WorkSampleView,
} from '@glimmer/contracts/network/creator.messages';
import type { Page } from '@glimmer/contracts/page';
import { PHOTO_MAX_BYTES } from '@glimmer/contracts/network/creator.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { requireBrand, requireCreator } from '../common/actors';
import { keysetPage } from '../common/pagination';
import { CreatorRepository, toNetworkView } from './creator.repository';
import { PhotoStorage } from './photo-storage';
import { detectPhotoType, PHOTO_EXTENSIONS } from './photo-type';

/** Profiles (the creator's own), and the brand's view of its network. */
@Injectable()
export class CreatorsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly creators: CreatorRepository,
    private readonly photos: PhotoStorage,
  ) {}

  /**
   * The creator's profile photo: JPEG, PNG or WebP by its magic bytes (not its name or declared
   * type), at most 5 MB, stored under a random key and recorded on the creator.
   */
  async uploadPhoto(actor: Actor, contentBase64: string): Promise<PhotoView> {
    const { creatorId } = requireCreator(actor);
    const bytes = Buffer.from(contentBase64, 'base64');
    if (bytes.length === 0) throw new DomainError('validation_failed', 'The photo is empty');
    if (bytes.length > PHOTO_MAX_BYTES)
      throw new DomainError('payload_too_large', 'The photo is larger than 5 MB');
    const contentType = detectPhotoType(bytes);
    if (!contentType) {
      throw new DomainError(
        'unsupported_media_type',
        'The photo must be a JPEG, PNG or WebP image',
      );
    }
    const em = this.orm.em.fork();
    if (!(await this.creators.byId(em, creatorId))) throw notFound('creator');
    const key = `${randomUUID()}.${PHOTO_EXTENSIONS[contentType]}`;
    const { url } = await this.photos.put(key, bytes, contentType);
    await this.creators.setPhoto(em, creatorId, url, key);
    return { photoUrl: url, contentType, size: bytes.length };
  }

  async updateProfile(actor: Actor, profile: ProfileInput): Promise<CreatorView> {
    const { creatorId } = requireCreator(actor);
    return this.orm.em.fork().transactional(async (em) => {
      if (!(await this.creators.byId(em, creatorId))) throw notFound('creator');
      await this.creators.upsertProfile(em, creatorId, profile);
      return (await this.creators.view(em, creatorId))!;
    });
  }

  async ownProfile(actor: Actor): Promise<CreatorView> {
    const { creatorId } = requireCreator(actor);
    const view = await this.creators.view(this.orm.em.fork(), creatorId);
    if (!view) throw notFound('creator');
    return view;
  }

  async addSample(actor: Actor, sample: SampleInput): Promise<WorkSampleView> {
    const { creatorId } = requireCreator(actor);
    return this.orm.em.fork().transactional(async (em) => {
      if (!(await this.creators.byId(em, creatorId))) throw notFound('creator');
      return this.creators.addSample(em, creatorId, sample);
    });
  }

  /** A creator as a brand sees them: only while in the brand's network, else not found. */
  async getForBrand(actor: Actor, creatorId: string): Promise<CreatorView> {
    const brand = requireBrand(actor);
    const view = await this.creators.view(this.orm.em.fork(), creatorId, brand.brandId);
    if (!view) throw notFound('creator');
    return view;
  }

  async network(actor: Actor, query: NetworkQuery): Promise<Page<NetworkCreatorView>> {
    const brand = requireBrand(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      query,
      (after, limit) => this.creators.networkPage(em, brand.brandId, query, after, limit),
      toNetworkView,
    );
  }
}
