import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireCreator } from '@glimmer/contracts/actor';
import type { SampleInput, WorkSampleView } from '@glimmer/contracts/network/creator.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { toSampleView } from './creator-views';
import { CreatorRepository } from './creator.repository';

export interface AddSampleCommand {
  actor: Actor;
  sample: SampleInput;
}

/** The creator adds a work sample that is a link. */
@Injectable()
export class AddSample {
  constructor(
    private readonly orm: MikroORM,
    private readonly creators: CreatorRepository,
  ) {}

  execute({ actor, sample }: AddSampleCommand): Promise<WorkSampleView> {
    const { creatorId } = requireCreator(actor);
    return this.orm.em.fork().transactional(async (em) => {
      if (!(await this.creators.byId(em, creatorId))) throw notFound('creator');
      return toSampleView(await this.creators.addSample(em, creatorId, sample));
    });
  }
}
