import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { ProfileInput, SampleInput } from '@glimmer/contracts/network/creator.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { CreatorProfile } from './creator-profile.entity';
import { Creator } from './creator.entity';
import { NetworkMembership } from './network-membership.entity';
import { WorkSample } from './work-sample.entity';
import { pastPosition } from '@glimmer/database/page-cursor';

export interface NetworkFilter {
  skill?: string;
  country?: string;
  name?: string;
}

/** A creator with what a profile page shows; `membership` is the asking brand's, if any. */
export interface CreatorRecord {
  creator: Creator;
  profile: CreatorProfile | null;
  membership: NetworkMembership | null;
  samples: WorkSample[];
}

/** One row of a brand's network page. */
export interface NetworkRecord {
  membership: NetworkMembership;
  creator: Creator;
  profile: CreatorProfile | null;
  position: KeysetPosition;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Creators, their profiles and samples, and which brands' networks they belong to. */
@Injectable()
export class CreatorRepository {
  /** The creator with this email, created if there is none (emails compare case-insensitively). */
  async findOrCreate(em: EntityManager, email: string, name: string): Promise<Creator> {
    // The conflict is on the expression index lower(email): no conflict target to name.
    await em
      .createQueryBuilder(Creator)
      .insert({ id: randomUUID(), email: email.trim(), name: name.trim() })
      .onConflict()
      .ignore()
      .execute('run');
    return (await this.byEmail(em, email))!;
  }

  /** Through the unique index on lower(email), as PostgreSQL lower-cases. */
  byEmail(em: EntityManager, email: string): Promise<Creator | null> {
    return em
      .createQueryBuilder(Creator, 'c')
      .where('lower(c.email) = lower(?)', [email.trim()])
      .getSingleResult();
  }

  byId(em: EntityManager, id: string): Promise<Creator | null> {
    return em.findOne(Creator, id);
  }

  /** The creator's row locked for the rest of the transaction. */
  lock(em: EntityManager, id: string): Promise<Creator | null> {
    return em.findOne(Creator, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** Joins the brand's network; returns false when the creator was already in it. */
  async join(
    em: EntityManager,
    brandId: string,
    creatorId: string,
    inviteId: string,
  ): Promise<boolean> {
    const result = await em
      .createQueryBuilder(NetworkMembership)
      .insert({ brandId, creatorId, inviteId })
      .onConflict(['brandId', 'creatorId'])
      .ignore()
      .execute('run');
    return result.affectedRows > 0;
  }

  async isMember(em: EntityManager, brandId: string, creatorId: string): Promise<boolean> {
    return (await em.count(NetworkMembership, { brandId, creatorId })) > 0;
  }

  async upsertProfile(em: EntityManager, creatorId: string, p: ProfileInput): Promise<void> {
    await em.upsert(CreatorProfile, {
      creatorId,
      displayName: p.displayName.trim(),
      bio: p.bio ?? null,
      country: p.country?.toUpperCase() ?? null,
      city: p.city ?? null,
      skills: p.skills.map((s) => s.trim()),
      languages: p.languages.map((s) => s.trim()),
      equipment: p.equipment.map((s) => s.trim()),
      updatedAt: new Date(),
    });
  }

  async addSample(em: EntityManager, creatorId: string, s: SampleInput): Promise<WorkSample> {
    const sample = em.create(WorkSample, {
      id: randomUUID(),
      creatorId,
      title: s.title.trim(),
      url: s.url,
      description: s.description ?? null,
    });
    await em.flush();
    return sample;
  }

  samplesOf(em: EntityManager, creatorId: string): Promise<WorkSample[]> {
    return em.find(WorkSample, { creatorId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** A creator with profile and samples; with `brandId`, only while in that brand's network. */
  async record(
    em: EntityManager,
    creatorId: string,
    brandId?: string,
  ): Promise<CreatorRecord | null> {
    const membership = brandId ? await em.findOne(NetworkMembership, { brandId, creatorId }) : null;
    if (brandId && !membership) return null;
    const creator = await em.findOne(Creator, creatorId);
    if (!creator) return null;
    return {
      creator,
      membership,
      profile: await em.findOne(CreatorProfile, { creatorId }),
      samples: await this.samplesOf(em, creatorId),
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
    const profiles = () => em.createQueryBuilder(CreatorProfile, 'p').select('p.creatorId');
    const and: object[] = [{ brandId }];
    if (filter.skill) {
      // A case-insensitive element of a text[]: MikroORM's $contains/$overlap compare exactly.
      const withSkill = profiles().where(
        'exists (select 1 from unnest(p.skills) s where lower(s) = lower(?))',
        [filter.skill.trim()],
      );
      and.push({ creatorId: { $in: withSkill.getKnexQuery() } });
    }
    if (filter.country) {
      const inCountry = profiles().where({ country: filter.country.toUpperCase() });
      and.push({ creatorId: { $in: inCountry.getKnexQuery() } });
    }
    if (filter.name) {
      const like = `%${escapeLike(filter.name.trim())}%`;
      const named = em
        .createQueryBuilder(Creator, 'c')
        .select('c.id')
        .where({ name: { $ilike: like } });
      const displayed = profiles().where({ displayName: { $ilike: like } });
      and.push({
        $or: [
          { creatorId: { $in: named.getKnexQuery() } },
          { creatorId: { $in: displayed.getKnexQuery() } },
        ],
      });
    }
    const qb = em
      .createQueryBuilder(NetworkMembership, 'm')
      .where({ $and: and })
      .orderBy({ joinedAt: 'asc', creatorId: 'asc' })
      .limit(limit);
    const members = await pastPosition(
      qb,
      { at: 'm.joined_at', id: 'm.creator_id' },
      after,
    ).getResultList();
    const ids = members.map((m) => m.creatorId);
    const creators = new Map((await em.find(Creator, { id: { $in: ids } })).map((c) => [c.id, c]));
    const profilesOf = new Map(
      (await em.find(CreatorProfile, { creatorId: { $in: ids } })).map((p) => [p.creatorId, p]),
    );
    return members.map((membership) => ({
      membership,
      creator: creators.get(membership.creatorId)!,
      profile: profilesOf.get(membership.creatorId) ?? null,
      position: { createdAt: membership.positionAt, id: membership.creatorId },
    }));
  }
}
