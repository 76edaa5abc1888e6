import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  type Actor,
  isBrandActor,
  isCreatorActor,
  requireBrand,
  requireCreator,
} from '@glimmer/contracts/actor';
import type {
  CreatorView,
  FileMetadataView,
  NetworkCreatorView,
  NetworkQuery,
} from '@glimmer/contracts/network/creator.messages';
import type { Page } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { notFound } from '@glimmer/errors/domain-error';
import { FileStorage, isSafeFileKey } from '@glimmer/storage/file-storage';
import { contentTypeOfKey } from '@glimmer/storage/file-type';
import { CreatorFilesRepository } from './creator-files.repository';
import { toCreatorView, toNetworkView } from './creator-views';
import { CreatorRepository } from './creator.repository';

/**
 * The creator aggregate's read-only queries, one class for the aggregate (nothing here
 * writes): a creator's own profile, a creator as a brand sees them, a brand's network, and a
 * stored file's metadata.
 */
@Injectable()
export class CreatorQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly creators: CreatorRepository,
    private readonly files: CreatorFilesRepository,
    private readonly storage: FileStorage,
  ) {}

  async ownProfile(actor: Actor): Promise<CreatorView> {
    const { creatorId } = requireCreator(actor);
    const found = await this.creators.record(this.orm.em.fork(), creatorId);
    if (!found) throw notFound('creator');
    return toCreatorView(found);
  }

  /** A creator as a brand sees them: only while in the brand's network, else not found. */
  async forBrand(actor: Actor, creatorId: string): Promise<CreatorView> {
    const brand = requireBrand(actor);
    const found = await this.creators.record(this.orm.em.fork(), creatorId, brand.brandId);
    if (!found) throw notFound('creator');
    return toCreatorView(found);
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

  /**
   * A stored file's metadata for the creator it belongs to or a brand whose network that
   * creator is in (the rule of a brand's creator view); the gateway then serves the bytes.
   * Anyone else, an unknown key and a key that is not one of ours are all the same 404: nobody
   * learns which files exist.
   */
  async file(actor: Actor, key: string): Promise<FileMetadataView> {
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
}
