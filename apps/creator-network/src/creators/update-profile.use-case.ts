import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireCreator } from '@glimmer/contracts/actor';
import type { CreatorView, ProfileInput } from '@glimmer/contracts/network/creator.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { toCreatorView } from './creator-views';
import { CreatorRepository } from './creator.repository';

export interface UpdateProfileCommand {
  actor: Actor;
  profile: ProfileInput;
}

/** The creator saves their own profile (page by page: every save replaces it whole). */
@Injectable()
export class UpdateProfile {
  constructor(
    private readonly orm: MikroORM,
    private readonly creators: CreatorRepository,
  ) {}

  execute({ actor, profile }: UpdateProfileCommand): Promise<CreatorView> {
    const { creatorId } = requireCreator(actor);
    return this.orm.em.fork().transactional(async (em) => {
      if (!(await this.creators.byId(em, creatorId))) throw notFound('creator');
      await this.creators.upsertProfile(em, creatorId, profile);
      return toCreatorView((await this.creators.record(em, creatorId))!);
    });
  }
}
