import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { Party } from '@glimmer/contracts/actor';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { Project } from './project.entity';
import { pastPosition } from '@glimmer/database/page-cursor';

export interface NewProject {
  id: string;
  offerId: string;
  contractId: string;
  brandId: string;
  creatorId: string;
  title: string;
  fee: number;
  currency: string;
  costCodeId: string;
  storyCode: string;
}

/** `brandId` or `creatorId`: every read is scoped to the asking party. */
const scope = (party: Party) =>
  party.kind === 'brand' ? { brandId: party.brandId } : { creatorId: party.creatorId };

@Injectable()
export class ProjectRepository {
  async insert(em: EntityManager, p: NewProject): Promise<Project> {
    const created = em.create(Project, { ...p, status: 'active' });
    await em.flush();
    return created;
  }

  get(em: EntityManager, party: Party, id: string, lock = false): Promise<Project | null> {
    return em.findOne(
      Project,
      { id, ...scope(party) },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
    );
  }

  /** The project each of these offers started, by offer id (an open offer has none). */
  async idsByOffer(em: EntityManager, offerIds: string[]): Promise<Map<string, string>> {
    if (offerIds.length === 0) return new Map();
    const projects = await em.find(
      Project,
      { offerId: { $in: offerIds } },
      { fields: ['id', 'offerId'] },
    );
    return new Map(projects.map((p) => [p.offerId, p.id]));
  }

  /**
   * Records one party's completion (once: a repeat keeps the first time); the project is
   * completed when both have. Returns whether this call completed it. The caller holds the lock.
   */
  async markCompletedBy(em: EntityManager, project: Project, party: Party['kind']) {
    const now = new Date();
    if (party === 'brand') project.completedByBrandAt ??= now;
    else project.completedByCreatorAt ??= now;
    const completes =
      project.status === 'active' &&
      project.completedByBrandAt !== null &&
      project.completedByCreatorAt !== null;
    if (completes) em.assign(project, { status: 'completed', completedAt: now });
    await em.flush();
    return completes;
  }

  /** The party's projects in the order they started, after `after`. */
  async page(
    em: EntityManager,
    party: Party,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<(Project & { position: KeysetPosition })[]> {
    const qb = em
      .createQueryBuilder(Project, 'p')
      .where(scope(party))
      .orderBy({ createdAt: 'asc', id: 'asc' })
      .limit(limit);
    const projects = await pastPosition(
      qb,
      { at: 'p.created_at', id: 'p.id' },
      after,
    ).getResultList();
    return projects.map((p) =>
      Object.assign(p, { position: { createdAt: p.positionAt, id: p.id } }),
    );
  }
}
