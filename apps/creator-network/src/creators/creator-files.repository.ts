import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type {
  SampleFileContentType,
  StoredFileInput,
  WorkSampleView,
} from '@glimmer/contracts/network/creator.messages';
import { SAMPLE_COLUMNS, type SampleRow, toSampleView } from './creator.repository';

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
  /**
   * Locks the creator's row for the rest of the transaction, so two uploads by one creator are
   * counted against the quota one after the other. Answers the current photo's key.
   */
  async lockCreator(
    em: EntityManager,
    creatorId: string,
  ): Promise<{ photoKey: string | null } | null> {
    const [row] = await em.execute<{ photo_key: string | null }[]>(
      `select photo_key from creator where id = ? for update`,
      [creatorId],
    );
    return row ? { photoKey: row.photo_key } : null;
  }

  /** The creator's stored files, leaving out the current photo when it is being replaced. */
  async usage(em: EntityManager, creatorId: string, withPhoto: boolean): Promise<FileUsage> {
    const [row] = await em.execute<{ files: number; bytes: string }[]>(
      `select count(*)::int as files, coalesce(sum(size), 0)::bigint as bytes from (
         select coalesce(photo_size, 0) as size from creator
          where id = ? and photo_key is not null and ?::boolean
         union all
         select file_size from work_sample where creator_id = ? and file_key is not null) f`,
      [creatorId, withPhoto, creatorId],
    );
    return { files: row.files, bytes: Number(row.bytes) };
  }

  /** Points the creator's profile at a newly stored photo. */
  async setPhoto(
    em: EntityManager,
    creatorId: string,
    url: string,
    file: StoredFileInput,
  ): Promise<void> {
    await em.execute(
      `update creator set photo_url = ?, photo_key = ?, photo_content_type = ?, photo_size = ?,
         photo_sha256 = ? where id = ?`,
      [url, file.key, file.contentType, file.size, file.sha256, creatorId],
    );
  }

  /** A work sample that is a stored file; an existing one with the same key is answered as is. */
  async addSampleFile(
    em: EntityManager,
    creatorId: string,
    sample: { title: string; description?: string },
    url: string,
    file: StoredFileInput,
  ): Promise<WorkSampleView> {
    await em.execute(
      `insert into work_sample (id, creator_id, title, description, file_key, file_url,
         file_content_type, file_size, file_sha256)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (file_key) where file_key is not null do nothing`,
      [
        randomUUID(),
        creatorId,
        sample.title.trim(),
        sample.description ?? null,
        file.key,
        url,
        file.contentType,
        file.size,
        file.sha256,
      ],
    );
    const [row] = await em.execute<SampleRow[]>(
      `select ${SAMPLE_COLUMNS} from work_sample where file_key = ? and creator_id = ?`,
      [file.key, creatorId],
    );
    return toSampleView(row);
  }

  /** Removes one of the creator's samples; answers its file's key (null: a link), or undefined. */
  async removeSample(
    em: EntityManager,
    creatorId: string,
    sampleId: string,
  ): Promise<{ fileKey: string | null } | undefined> {
    const [row] = await em.execute<{ file_key: string | null }[]>(
      `delete from work_sample where id = ? and creator_id = ? returning file_key`,
      [sampleId, creatorId],
    );
    return row ? { fileKey: row.file_key } : undefined;
  }

  /** The creator a stored file (current profile photo or sample file) belongs to, if any. */
  async fileOwner(em: EntityManager, key: string): Promise<FileOwnerRecord | null> {
    const [row] = await em.execute<
      { creator_id: string; content_type: SampleFileContentType | null }[]
    >(
      `select id as creator_id, photo_content_type as content_type from creator
        where photo_key = ?
       union all
       select creator_id, file_content_type from work_sample where file_key = ?
       limit 1`,
      [key, key],
    );
    return row ? { creatorId: row.creator_id, contentType: row.content_type } : null;
  }

  /** Of `keys`, those no photo and no sample refers to. */
  async unreferenced(em: EntityManager, keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await em.execute<{ key: string }[]>(
      `select k.key from jsonb_array_elements_text(?::jsonb) as k(key)
        where not exists (select 1 from creator where photo_key = k.key)
          and not exists (select 1 from work_sample where file_key = k.key)`,
      [JSON.stringify(keys)],
    );
    return rows.map((r) => r.key);
  }
}
