import { ArrayType, Entity, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Creator } from './creator.entity';

/** A creator's profile (one per creator, saved page by page: the country may come last). */
@Entity({ tableName: 'creator_profile' })
@Index({
  name: 'creator_profile_skills_idx',
  expression: 'create index creator_profile_skills_idx on creator_profile using gin (skills)',
})
export class CreatorProfile {
  @ManyToOne({
    entity: () => Creator,
    fieldName: 'creator_id',
    primary: true,
    mapToPk: true,
    foreignKeyName: 'creator_profile_creator_id_fkey',
    type: 'uuid',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  creatorId!: string;

  @Property({ type: 'text', fieldName: 'display_name' })
  displayName!: string;

  @Property({ type: 'text', nullable: true })
  bio: string | null = null;

  @Property({ type: 'character', length: 2, nullable: true })
  country: string | null = null;

  @Property({ type: 'text', nullable: true })
  city: string | null = null;

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  skills: string[] = [];

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  languages: string[] = [];

  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  equipment: string[] = [];

  @Property({ type: 'timestamptz', fieldName: 'updated_at', defaultRaw: 'now()' })
  updatedAt!: Opt<Date>;
}
