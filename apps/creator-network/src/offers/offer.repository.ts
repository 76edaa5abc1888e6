import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { OfferInput, OfferView } from '@glimmer/contracts/network/offer.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { toAmount, toIso } from '@glimmer/database/sql';
import type { Party } from '@glimmer/contracts/actor';
import { positionSql } from '@glimmer/database/page-cursor';

export interface OfferRow {
  id: string;
  brand_id: string;
  creator_id: string;
  title: string;
  brief: string;
  fee: string;
  currency: string;
  due_date: string;
  cost_code_id: string;
  story_code: string;
  status: 'sent' | 'accepted' | 'declined' | 'withdrawn' | 'expired';
  created_at: Date;
  decided_at: Date | null;
  project_id: string | null;
  /** Whether the due date has passed (evaluated by PostgreSQL, in UTC). */
  past_due: boolean;
  position_at: string;
}

const SELECT = `select o.id, o.brand_id, o.creator_id, o.title, o.brief, o.fee, o.currency,
  to_char(o.due_date, 'YYYY-MM-DD') as due_date, o.cost_code_id, o.story_code, o.status,
  o.created_at, o.decided_at, p.id as project_id,
  o.due_date < (now() at time zone 'UTC')::date as past_due,
  ${positionSql('o.created_at')} as position_at
  from offer o left join project p on p.offer_id = o.id`;

export function toOfferView(row: OfferRow): OfferView {
  return {
    id: row.id,
    brandId: row.brand_id,
    creatorId: row.creator_id,
    title: row.title,
    brief: row.brief,
    fee: toAmount(row.fee),
    currency: row.currency.trim(),
    dueDate: row.due_date,
    costCodeId: row.cost_code_id,
    storyCode: row.story_code,
    // A sent offer past its due date can no longer be accepted: it reads as expired.
    status: row.status === 'sent' && row.past_due ? 'expired' : row.status,
    createdAt: toIso(row.created_at)!,
    decidedAt: toIso(row.decided_at),
    projectId: row.project_id,
  };
}

function scope(party: Party): [string, string] {
  return party.kind === 'brand' ? ['o.brand_id', party.brandId] : ['o.creator_id', party.creatorId];
}

@Injectable()
export class OfferRepository {
  async insert(
    em: EntityManager,
    offer: OfferInput & { id: string; brandId: string; currency: string; createdBy: string },
  ): Promise<void> {
    await em.execute(
      `insert into offer (id, brand_id, creator_id, title, brief, fee, currency, due_date,
         cost_code_id, story_code, status, created_by)
       values (?, ?, ?, ?, ?, ?, ?, ?::date, ?, ?, 'sent', ?)`,
      [
        offer.id,
        offer.brandId,
        offer.creatorId,
        offer.title.trim(),
        offer.brief,
        offer.fee,
        offer.currency,
        offer.dueDate,
        offer.costCodeId,
        offer.storyCode,
        offer.createdBy,
      ],
    );
  }

  /** The party's offer (another brand's or creator's is not found), optionally locked. */
  async get(em: EntityManager, party: Party, id: string, lock = false): Promise<OfferRow | null> {
    const [column, value] = scope(party);
    const [row] = await em.execute<OfferRow[]>(
      `${SELECT} where o.id = ? and ${column} = ?${lock ? ' for update of o' : ''}`,
      [id, value],
    );
    return row ?? null;
  }

  /** Any party's offer, for system calls (the scheduler), optionally locked. */
  async byId(em: EntityManager, id: string, lock = false): Promise<OfferRow | null> {
    const [row] = await em.execute<OfferRow[]>(
      `${SELECT} where o.id = ?${lock ? ' for update of o' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async decide(
    em: EntityManager,
    id: string,
    status: 'accepted' | 'declined' | 'withdrawn' | 'expired',
  ): Promise<void> {
    await em.execute(`update offer set status = ?, decided_at = now() where id = ?`, [status, id]);
  }

  /** Still-`sent` offers past their due date (UTC), oldest due date first. */
  async due(em: EntityManager, limit: number): Promise<{ id: string; due_date: string }[]> {
    return em.execute(
      `select id, to_char(due_date, 'YYYY-MM-DD') as due_date from offer
       where status = 'sent' and due_date < (now() at time zone 'UTC')::date
       order by due_date, id limit ?`,
      [limit],
    );
  }

  async page(
    em: EntityManager,
    party: Party,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<(OfferRow & { position: KeysetPosition })[]> {
    const [column, value] = scope(party);
    const rows = after
      ? await em.execute<OfferRow[]>(
          `${SELECT} where ${column} = ? and (o.created_at, o.id) > (?::timestamptz, ?::uuid)
           order by o.created_at, o.id limit ?`,
          [value, after.createdAt, after.id, limit],
        )
      : await em.execute<OfferRow[]>(
          `${SELECT} where ${column} = ? order by o.created_at, o.id limit ?`,
          [value, limit],
        );
    return rows.map((r) => ({ ...r, position: { createdAt: r.position_at, id: r.id } }));
  }

  /** The contract signed when the offer was accepted, if it was. */
  async contractOf(
    em: EntityManager,
    offerId: string,
  ): Promise<{
    template_version: string;
    body: string;
    sha256: string;
    signed_at: Date | string;
    signature_name: string;
  } | null> {
    const [row] = await em.execute<
      {
        template_version: string;
        body: string;
        sha256: string;
        signed_at: Date;
        signature_name: string;
      }[]
    >(
      `select template_version, body, sha256, signed_at, signature_name from contract
       where offer_id = ?`,
      [offerId],
    );
    return row ?? null;
  }

  async insertContract(
    em: EntityManager,
    c: {
      id: string;
      offerId: string;
      templateVersion: string;
      body: string;
      sha256: string;
      signerUserId: string;
      signerCreatorId: string;
      signatureName: string;
      signedAt: Date;
      ip: string | null;
      userAgent: string | null;
    },
  ): Promise<void> {
    await em.execute(
      `insert into contract (id, offer_id, template_version, body, sha256, signer_user_id,
         signer_creator_id, signature_name, signed_at, signer_ip, signer_user_agent)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        c.id,
        c.offerId,
        c.templateVersion,
        c.body,
        c.sha256,
        c.signerUserId,
        c.signerCreatorId,
        c.signatureName,
        c.signedAt,
        c.ip,
        c.userAgent,
      ],
    );
  }
}
