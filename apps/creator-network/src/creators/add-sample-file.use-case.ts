import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireCreator } from '@glimmer/contracts/actor';
import type { StoredFileInput, WorkSampleView } from '@glimmer/contracts/network/creator.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { fileUrl } from '../files/file-urls';
import { CreatorFilesRepository } from './creator-files.repository';
import { toSampleView } from './creator-views';
import { CreatorRepository } from './creator.repository';
import { StoredFiles } from './stored-files';

export interface AddSampleFileCommand {
  actor: Actor;
  sample: { title: string; description?: string };
  file: StoredFileInput;
}

/** A work sample that is a file: an image, a PDF or an MP4 video, at most 10 MB. */
@Injectable()
export class AddSampleFile {
  constructor(
    private readonly orm: MikroORM,
    private readonly creators: CreatorRepository,
    private readonly files: CreatorFilesRepository,
    private readonly stored: StoredFiles,
  ) {}

  async execute({ actor, sample, file }: AddSampleFileCommand): Promise<WorkSampleView> {
    const { creatorId } = requireCreator(actor);
    await this.stored.requireStored(file);
    return this.orm.em.fork().transactional(async (em) => {
      // Locked: uploads by one creator (and a redelivered one) are recorded one at a time.
      const creator = await this.creators.lock(em, creatorId);
      if (!creator) throw notFound('creator');
      const recorded = await this.files.fileOwner(em, file.key);
      if (recorded && recorded.creatorId !== creatorId) throw notFound('file');
      // Recorded once: a redelivered request answers the sample the first one made.
      const existing = recorded && (await this.files.sampleByFileKey(em, creatorId, file.key));
      if (existing) return toSampleView(existing);
      if (!recorded) await this.stored.checkQuota(em, creator, file, { replacingPhoto: false });
      const url = fileUrl(file.key);
      return toSampleView(await this.files.addSampleFile(em, creatorId, sample, url, file));
    });
  }
}
