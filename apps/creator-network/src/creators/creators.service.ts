import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@glimmer/contracts/actor';
import type {
  CreatorView,
  NetworkCreatorView,
  NetworkQuery,
  ProfileInput,
  SampleInput,
  WorkSampleView,
} from '@glimmer/contracts/network/creator.messages';
import type { Page } from '@glimmer/contracts/page';
import { notFound } from '@glimmer/errors/domain-error';
import { requireBrand, requireCreator } from '@glimmer/contracts/actor';
import { keysetPage } from '@glimmer/database/page-cursor';
import { CreatorRepository, toNetworkView } from './creator.repository';

/** Profiles (the creator's own), and the brand's view of its network. */
@Injectable()
export class CreatorsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly creators: CreatorRepository,
  ) {}

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
