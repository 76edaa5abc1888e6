import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type {
  CreatorView,
  NetworkCreatorView,
  ProfileInput,
  ProfileView,
  SampleFileContentType,
  SampleInput,
  WorkSampleView,
} from '@glimmer/contracts/network/creator.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { toIso } from '@glimmer/database/sql';
import { positionSql } from '@glimmer/database/page-cursor';
import { publicFileUrl } from '../files/file-urls';

export interface CreatorRecord {
  id: string;
  email: string;
  name: string;
}

interface ProfileColumns {
  display_name: string | null;
  bio: string | null;
  country: string | null;
  city: string | null;
  skills: string[] | null;
  languages: string[] | null;
  equipment: string[] | null;
  profile_updated_at: string | Date | null;
}

interface NetworkRow extends ProfileColumns {
  creator_id: string;
  name: string;
  email: string;
  joined_at: string | Date;
  position_at: string;
}

export interface NetworkRecord extends NetworkCreatorView {
  position: KeysetPosition;
}

export interface SampleRow {
  id: string;
  title: string;
  url: string | null;
  file_url: string | null;
  file_content_type: SampleFileContentType | null;
  file_size: number | null;
  description: string | null;
  created_at: string | Date;
}

export function toSampleView(row: SampleRow): WorkSampleView {
  return {
    id: row.id,
    title: row.title,
    url: row.url,
    file:
      row.file_url === null
        ? null
        : {
            url: publicFileUrl(row.file_url),
            contentType: row.file_content_type!,
            size: Number(row.file_size),
          },
    description: row.description,
    createdAt: toIso(row.created_at)!,
  };
}

export const SAMPLE_COLUMNS = `id, title, url, file_url, file_content_type, file_size, description,
  created_at`;

export interface NetworkFilter {
  skill?: string;
  country?: string;
  name?: string;
}

const PROFILE_COLUMNS = `p.display_name, p.bio, p.country, p.city, p.skills, p.languages,
  p.equipment, p.updated_at as profile_updated_at`;

function toProfile(row: ProfileColumns): ProfileView {
  return {
    displayName: row.display_name,
    bio: row.bio,
    country: row.country,
    city: row.city,
    skills: row.skills ?? [],
    languages: row.languages ?? [],
    equipment: row.equipment ?? [],
    updatedAt: toIso(row.profile_updated_at),
  };
}

function toNetworkRecord(row: NetworkRow): NetworkRecord {
  return {
    creatorId: row.creator_id,
    name: row.name,
    email: row.email,
    joinedAt: toIso(row.joined_at)!,
    profile: toProfile(row),
    position: { createdAt: row.position_at, id: row.creator_id },
  };
}

export function toNetworkView(record: NetworkRecord): NetworkCreatorView {
  const { creatorId, name, email, joinedAt, profile } = record;
  return { creatorId, name, email, joinedAt, profile };
}

/** A text[] from a JSON array parameter (the driver would expand a JS array into a list). */
const TEXT_ARRAY = `array(select jsonb_array_elements_text(?::jsonb))`;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Creators, their profiles and samples, and which brands' networks they belong to. */
@Injectable()
export class CreatorRepository {
  /** The creator with this email, created if there is none (emails compare case-insensitively). */
  async findOrCreate(em: EntityManager, email: string, name: string): Promise<CreatorRecord> {
    await em.execute(
      `insert into creator (id, email, name) values (?, ?, ?) on conflict do nothing`,
      [randomUUID(), email.trim(), name.trim()],
    );
    return (await this.byEmail(em, email))!;
  }

  async byEmail(em: EntityManager, email: string): Promise<CreatorRecord | null> {
    const [row] = await em.execute<CreatorRecord[]>(
      `select id, email, name from creator where lower(email) = lower(?)`,
      [email.trim()],
    );
    return row ?? null;
  }

  async byId(em: EntityManager, id: string): Promise<CreatorRecord | null> {
    const [row] = await em.execute<CreatorRecord[]>(
      `select id, email, name from creator where id = ?`,
      [id],
    );
    return row ?? null;
  }

  /** Joins the brand's network; returns false when the creator was already in it. */
  async join(
    em: EntityManager,
    brandId: string,
    creatorId: string,
    inviteId: string,
  ): Promise<boolean> {
    const rows = await em.execute<unknown[]>(
      `insert into network_membership (brand_id, creator_id, invite_id) values (?, ?, ?)
       on conflict do nothing returning creator_id`,
      [brandId, creatorId, inviteId],
    );
    return rows.length > 0;
  }

  async isMember(em: EntityManager, brandId: string, creatorId: string): Promise<boolean> {
    const rows = await em.execute<unknown[]>(
      `select 1 from network_membership where brand_id = ? and creator_id = ?`,
      [brandId, creatorId],
    );
    return rows.length > 0;
  }

  async upsertProfile(em: EntityManager, creatorId: string, p: ProfileInput): Promise<void> {
    await em.execute(
      `insert into creator_profile
         (creator_id, display_name, bio, country, city, skills, languages, equipment, updated_at)
       values (?, ?, ?, ?, ?, ${TEXT_ARRAY}, ${TEXT_ARRAY}, ${TEXT_ARRAY}, now())
       on conflict (creator_id) do update set display_name = excluded.display_name,
         bio = excluded.bio, country = excluded.country, city = excluded.city,
         skills = excluded.skills, languages = excluded.languages,
         equipment = excluded.equipment, updated_at = now()`,
      [
        creatorId,
        p.displayName.trim(),
        p.bio ?? null,
        p.country?.toUpperCase() ?? null,
        p.city ?? null,
        JSON.stringify(p.skills.map((s) => s.trim())),
        JSON.stringify(p.languages.map((s) => s.trim())),
        JSON.stringify(p.equipment.map((s) => s.trim())),
      ],
    );
  }

  async addSample(em: EntityManager, creatorId: string, s: SampleInput): Promise<WorkSampleView> {
    const [row] = await em.execute<SampleRow[]>(
      `insert into work_sample (id, creator_id, title, url, description) values (?, ?, ?, ?, ?)
       returning ${SAMPLE_COLUMNS}`,
      [randomUUID(), creatorId, s.title.trim(), s.url, s.description ?? null],
    );
    return toSampleView(row);
  }

  /** A creator with profile and samples; `joinedAt` is the brand's membership when given. */
  async view(em: EntityManager, creatorId: string, brandId?: string): Promise<CreatorView | null> {
    const [row] = await em.execute<
      (NetworkRow & { created_at: string | Date; photo_url: string | null })[]
    >(
      `select c.id as creator_id, c.name, c.email, c.created_at, c.photo_url, m.joined_at,
         ${PROFILE_COLUMNS}
         from creator c
         left join creator_profile p on p.creator_id = c.id
         left join network_membership m on m.creator_id = c.id and m.brand_id = ?
        where c.id = ? and (?::uuid is null or m.brand_id is not null)`,
      [brandId ?? null, creatorId, brandId ?? null],
    );
    if (!row) return null;
    const samples = await em.execute<SampleRow[]>(
      `select ${SAMPLE_COLUMNS} from work_sample where creator_id = ? order by created_at, id`,
      [creatorId],
    );
    return {
      creatorId: row.creator_id,
      name: row.name,
      email: row.email,
      joinedAt: toIso(row.joined_at ?? row.created_at)!,
      profile: toProfile(row),
      samples: samples.map(toSampleView),
      photoUrl: row.photo_url === null ? null : publicFileUrl(row.photo_url),
    };
  }

  /** The brand's in-network creators in joining order, filtered, after `after`. */
  async networkPage(
    em: EntityManager,
    brandId: string,
    filter: NetworkFilter,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<NetworkRecord[]> {
    const where = ['m.brand_id = ?'];
    const params: unknown[] = [brandId];
    if (filter.skill) {
      where.push(`exists (select 1 from unnest(p.skills) s where lower(s) = lower(?))`);
      params.push(filter.skill.trim());
    }
    if (filter.country) {
      where.push('p.country = ?');
      params.push(filter.country.toUpperCase());
    }
    if (filter.name) {
      where.push(`(c.name ilike ? or p.display_name ilike ?)`);
      const like = `%${escapeLike(filter.name.trim())}%`;
      params.push(like, like);
    }
    if (after) {
      where.push('(m.joined_at, m.creator_id) > (?::timestamptz, ?::uuid)');
      params.push(after.createdAt, after.id);
    }
    const rows = await em.execute<NetworkRow[]>(
      `select c.id as creator_id, c.name, c.email, m.joined_at,
              ${positionSql('m.joined_at')} as position_at, ${PROFILE_COLUMNS}
         from network_membership m
         join creator c on c.id = m.creator_id
         left join creator_profile p on p.creator_id = c.id
        where ${where.join(' and ')}
        order by m.joined_at, m.creator_id limit ?`,
      [...params, limit],
    );
    return rows.map(toNetworkRecord);
  }
}
