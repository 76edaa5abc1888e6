import { Check, Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { SampleFileContentType } from '@glimmer/contracts/network/creator.messages';

/** A creator: one per email (compared case-insensitively), with an optional profile photo. */
@Entity({ tableName: 'creator' })
@Index({
  name: 'creator_email_key',
  expression: 'create unique index creator_email_key on creator (lower(email))',
})
@Index({
  name: 'creator_photo_key_idx',
  expression:
    'create index creator_photo_key_idx on creator (photo_key) where photo_key is not null',
})
@Check({ name: 'creator_photo_size_check', expression: 'photo_size > 0' })
export class Creator {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Property({ type: 'text', fieldName: 'photo_url', nullable: true })
  photoUrl: string | null = null;

  @Property({ type: 'text', fieldName: 'photo_key', nullable: true })
  photoKey: string | null = null;

  /** Null for photos stored before types were recorded (read from the key's extension). */
  @Property({ type: 'text', fieldName: 'photo_content_type', nullable: true })
  photoContentType: SampleFileContentType | null = null;

  /** Null for photos stored before sizes were recorded. */
  @Property({ type: 'integer', fieldName: 'photo_size', nullable: true })
  photoSize: number | null = null;

  @Property({ type: 'text', fieldName: 'photo_sha256', nullable: true })
  photoSha256: string | null = null;
}
