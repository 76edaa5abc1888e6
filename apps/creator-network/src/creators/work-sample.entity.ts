import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { SampleFileContentType } from '@glimmer/contracts/network/creator.messages';
import { Creator } from './creator.entity';

/** A work sample: a link (`url`) or a stored file (key, URL, type, size), never both. */
@Entity({ tableName: 'work_sample' })
@Index({ name: 'work_sample_creator_idx', properties: ['creatorId', 'createdAt'] })
@Index({
  name: 'work_sample_file_key_idx',
  expression:
    'create unique index work_sample_file_key_idx on work_sample (file_key) where file_key is not null',
})
@Check({
  name: 'work_sample_link_or_file_check',
  expression: `(url is not null and file_key is null and file_url is null
    and file_content_type is null and file_size is null)
    or (url is null and file_key is not null and file_url is not null
    and file_content_type is not null and file_size > 0)`,
})
export class WorkSample {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne({
    entity: () => Creator,
    fieldName: 'creator_id',
    mapToPk: true,
    foreignKeyName: 'work_sample_creator_id_fkey',
    type: 'uuid',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  creatorId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  url: string | null = null;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Property({ type: 'text', fieldName: 'file_key', nullable: true })
  fileKey: string | null = null;

  @Property({ type: 'text', fieldName: 'file_url', nullable: true })
  fileUrl: string | null = null;

  @Property({ type: 'text', fieldName: 'file_content_type', nullable: true })
  fileContentType: SampleFileContentType | null = null;

  @Property({ type: 'integer', fieldName: 'file_size', nullable: true })
  fileSize: number | null = null;

  @Property({ type: 'text', fieldName: 'file_sha256', nullable: true })
  fileSha256: string | null = null;
}
