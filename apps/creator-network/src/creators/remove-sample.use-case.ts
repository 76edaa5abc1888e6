import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireCreator } from '@glimmer/contracts/actor';
import { notFound } from '@glimmer/errors/domain-error';
import { CreatorFilesRepository } from './creator-files.repository';
import { StoredFiles } from './stored-files';

export interface RemoveSampleCommand {
  actor: Actor;
  sampleId: string;
}

/** Removes one of the creator's samples, and its file once that is committed. */
@Injectable()
export class RemoveSample {
  constructor(
    private readonly orm: MikroORM,
    private readonly files: CreatorFilesRepository,
    private readonly stored: StoredFiles,
  ) {}

  async execute({ actor, sampleId }: RemoveSampleCommand): Promise<{ id: string }> {
    const { creatorId } = requireCreator(actor);
    const removed = await this.orm.em
      .fork()
      .transactional((em) => this.files.removeSample(em, creatorId, sampleId));
    if (!removed) throw notFound('sample');
    if (removed.fileKey) await this.stored.deleteStored(removed.fileKey);
    return { id: sampleId };
  }
}
