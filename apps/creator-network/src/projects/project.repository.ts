import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProjectView } from '@glimmer/contracts/network/offer.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { toAmount, toIso } from '@glimmer/database/sql';
import type { Party } from '@glimmer/contracts/actor';
import { positionSql } from '@glimmer/database/page-cursor';

export interface ProjectRow {
  id: string;
  offer_id: string;
  brand_id: string;
  creator_id: string;
  title: string;
  fee: string;
  currency: string;
  cost_code_id: string;
  story_code: string;
  status: 'active' | 'completed';
  created_at: Date;
  completed_by_brand_at: Date | null;
  completed_by_creator_at: Date | null;
  completed_at: Date | null;
  position_at: string;
}

const SELECT = `select id, offer_id, brand_id, creator_id, title, fee, currency, cost_code_id,
  story_code, status, created_at, completed_by_brand_at, completed_by_creator_at, completed_at,
  ${positionSql('created_at')} as position_at from project`;

export function toProjectView(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    offerId: row.offer_id,
    title: row.title,
    creatorId: row.creator_id,
    brandId: row.brand_id,
    fee: toAmount(row.fee),
    currency: row.currency.trim(),
    costCodeId: row.cost_code_id,
    storyCode: row.story_code,
    status: row.status,
    createdAt: toIso(row.created_at)!,
    completedByBrandAt: toIso(row.completed_by_brand_at),
    completedByCreatorAt: toIso(row.completed_by_creator_at),
    completedAt: toIso(row.completed_at),
    invoiceId: null,
    expectedPaymentDate: null,
  };
}

/** `brand_id = ?` or `creator_id = ?`: every read is scoped to the asking party. */
function scope(party: Party): [string, string] {
  return party.kind === 'brand' ? ['brand_id', party.brandId] : ['creator_id', party.creatorId];
}

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

@Injectable()
export class ProjectRepository {
  async insert(em: EntityManager, p: NewProject): Promise<void> {
    await em.execute(
      `insert into project (id, offer_id, contract_id, brand_id, creator_id, title, fee, currency,
         cost_code_id, story_code, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')`,
      [
        p.id,
        p.offerId,
        p.contractId,
        p.brandId,
        p.creatorId,
        p.title,
        p.fee,
        p.currency,
        p.costCodeId,
        p.storyCode,
      ],
    );
  }

  async get(em: EntityManager, party: Party, id: string, lock = false): Promise<ProjectRow | null> {
    const [column, value] = scope(party);
    const [row] = await em.execute<ProjectRow[]>(
      `${SELECT} where id = ? and ${column} = ?${lock ? ' for update' : ''}`,
      [id, value],
    );
    return row ?? null;
  }

  /** Records one party's completion (once: a repeat keeps the first time). */
  async markCompletedBy(em: EntityManager, id: string, party: Party['kind']): Promise<void> {
    const column = party === 'brand' ? 'completed_by_brand_at' : 'completed_by_creator_at';
    await em.execute(`update project set ${column} = coalesce(${column}, now()) where id = ?`, [
      id,
    ]);
  }

  /** Active → completed once both parties have marked it; returns whether this call did it. */
  async completeIfBoth(em: EntityManager, id: string): Promise<boolean> {
    const rows = await em.execute<unknown[]>(
      `update project set status = 'completed', completed_at = now()
        where id = ? and status = 'active' and completed_by_brand_at is not null
          and completed_by_creator_at is not null
       returning id`,
      [id],
    );
    return rows.length > 0;
  }

  async page(
    em: EntityManager,
    party: Party,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<(ProjectRow & { position: KeysetPosition })[]> {
    const [column, value] = scope(party);
    const rows = after
      ? await em.execute<ProjectRow[]>(
          `${SELECT} where ${column} = ? and (created_at, id) > (?::timestamptz, ?::uuid)
           order by created_at, id limit ?`,
          [value, after.createdAt, after.id, limit],
        )
      : await em.execute<ProjectRow[]>(
          `${SELECT} where ${column} = ? order by created_at, id limit ?`,
          [value, limit],
        );
    return rows.map((r) => ({ ...r, position: { createdAt: r.position_at, id: r.id } }));
  }
}
