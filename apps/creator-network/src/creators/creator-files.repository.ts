import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type {
  SampleFileContentType,
  StoredFileInput,
} from '@glimmer/contracts/network/creator.messages';
import { Creator } from './creator.entity';
import { WorkSample } from './work-sample.entity';

/** Whose a stored file is, and the type it was recorded as (null: a photo from before). */
export interface FileOwnerRecord {
  creatorId: string;
  contentType: SampleFileContentType | null;
}

/** What a creator's stored files add up to (a photo stored before sizes were kept counts 0 B). */
export interface FileUsage {
  files: number;
  bytes: number;
}

/** The stored files recorded on creators: profile photos and sample files. */
@Injectable()
export class CreatorFilesRepository {
  /** The creator's sample files and, unless it is being replaced, their photo. */
  async usage(em: EntityManager, creator: Creator, withPhoto: boolean): Promise<FileUsage> {
    const files = await em.find(
      WorkSample,
      { creatorId: creator.id, fileKey: { $ne: null } },
      { fields: ['fileSize'] },
    );
    const sizes = files.map((f) => f.fileSize ?? 0);
    if (withPhoto && creator.photoKey !== null) sizes.push(creator.photoSize ?? 0);
    return { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  }

  /** Points the creator's profile at a newly stored photo. */
  async setPhoto(em: EntityManager, creator: Creator, url: string, file: StoredFileInput) {
    em.assign(creator, {
      photoUrl: url,
      photoKey: file.key,
      photoContentType: file.contentType,
      photoSize: file.size,
      photoSha256: file.sha256,
    });
    await em.flush();
  }

  /** The creator's sample stored under this key, if it is recorded already. */
  sampleByFileKey(em: EntityManager, creatorId: string, key: string): Promise<WorkSample | null> {
    return em.findOne(WorkSample, { fileKey: key, creatorId });
  }

  /** A work sample that is a stored file. */
  async addSampleFile(
    em: EntityManager,
    creatorId: string,
    sample: { title: string; description?: string },
    url: string,
    file: StoredFileInput,
  ): Promise<WorkSample> {
    const created = em.create(WorkSample, {
      id: randomUUID(),
      creatorId,
      title: sample.title.trim(),
      description: sample.description ?? null,
      fileKey: file.key,
      fileUrl: url,
      fileContentType: file.contentType as SampleFileContentType,
      fileSize: file.size,
      fileSha256: file.sha256,
    });
    await em.flush();
    return created;
  }

  /** Removes one of the creator's samples; answers its file's key (null: a link), or undefined. */
  async removeSample(
    em: EntityManager,
    creatorId: string,
    sampleId: string,
  ): Promise<{ fileKey: string | null } | undefined> {
    const sample = await em.findOne(WorkSample, { id: sampleId, creatorId });
    if (!sample) return undefined;
    await em.remove(sample).flush();
    return { fileKey: sample.fileKey };
  }

  /** The creator a stored file (current profile photo or sample file) belongs to, if any. */
  async fileOwner(em: EntityManager, key: string): Promise<FileOwnerRecord | null> {
    const photo = await em.findOne(Creator, { photoKey: key });
    if (photo) return { creatorId: photo.id, contentType: photo.photoContentType };
    const sample = await em.findOne(WorkSample, { fileKey: key });
    if (sample) return { creatorId: sample.creatorId, contentType: sample.fileContentType };
    return null;
  }

  /** Of `keys`, those no photo and no sample refers to. */
  async unreferenced(em: EntityManager, keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const photos = await em.find(Creator, { photoKey: { $in: keys } }, { fields: ['photoKey'] });
    const samples = await em.find(WorkSample, { fileKey: { $in: keys } }, { fields: ['fileKey'] });
    const used = new Set([...photos.map((c) => c.photoKey), ...samples.map((s) => s.fileKey)]);
    return keys.filter((key) => !used.has(key));
  }
}
