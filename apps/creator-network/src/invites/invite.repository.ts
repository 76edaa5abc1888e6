import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { InviteView } from '@glimmer/contracts/network/invite.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { toIso } from '@glimmer/database/sql';
import { positionSql } from '@glimmer/database/page-cursor';
import { effectiveInviteStatus } from './invite-token';

export interface InviteRow {
  id: string;
  brand_id: string;
  email: string;
  message: string | null;
  status: 'sent' | 'accepted' | 'revoked';
  token_hash: string;
  expires_at: Date;
  invited_by: string;
  inviter_email: string | null;
  created_at: Date;
  accepted_at: Date | null;
  accepted_creator_id: string | null;
  position_at: string;
}

const SELECT = `select id, brand_id, email, message, status, token_hash, expires_at, invited_by, inviter_email,
  created_at, accepted_at, accepted_creator_id, ${positionSql('created_at')} as position_at from invite`;

export function toInviteView(row: InviteRow, now = new Date()): InviteView {
  return {
    id: row.id,
    email: row.email,
    message: row.message,
    status: effectiveInviteStatus(row.status, new Date(row.expires_at), now),
    expiresAt: toIso(row.expires_at)!,
    createdAt: toIso(row.created_at)!,
    acceptedAt: toIso(row.accepted_at),
    creatorId: row.accepted_creator_id,
  };
}

export interface NewInviteRow {
  id: string;
  brandId: string;
  email: string;
  message: string | null;
  tokenHash: string;
  expiresAt: Date;
  invitedBy: string;
  inviterEmail: string | null;
}

@Injectable()
export class InviteRepository {
  async insert(em: EntityManager, invite: NewInviteRow): Promise<void> {
    await em.execute(
      `insert into invite (id, brand_id, email, message, token_hash, status, expires_at, invited_by,
         inviter_email) values (?, ?, ?, ?, ?, 'sent', ?, ?, ?)`,
      [
        invite.id,
        invite.brandId,
        invite.email,
        invite.message,
        invite.tokenHash,
        invite.expiresAt,
        invite.invitedBy,
        invite.inviterEmail,
      ],
    );
  }

  /** The brand's invite, locked for a state change; another brand's id is not found. */
  async lockForBrand(em: EntityManager, brandId: string, id: string): Promise<InviteRow | null> {
    const [row] = await em.execute<InviteRow[]>(
      `${SELECT} where id = ? and brand_id = ? for update`,
      [id, brandId],
    );
    return row ?? null;
  }

  async lockByTokenHash(em: EntityManager, hash: string): Promise<InviteRow | null> {
    const [row] = await em.execute<InviteRow[]>(`${SELECT} where token_hash = ? for update`, [
      hash,
    ]);
    return row ?? null;
  }

  async byTokenHash(em: EntityManager, hash: string): Promise<InviteRow | null> {
    const [row] = await em.execute<InviteRow[]>(`${SELECT} where token_hash = ?`, [hash]);
    return row ?? null;
  }

  async find(em: EntityManager, id: string): Promise<InviteRow | null> {
    return (await this.byId(em, id)) ?? null;
  }

  /** An invite this call knows exists (it just wrote or locked it). */
  async byId(em: EntityManager, id: string): Promise<InviteRow> {
    const [row] = await em.execute<InviteRow[]>(`${SELECT} where id = ?`, [id]);
    return row;
  }

  /** A new token replaces the old one (which stops working) and restarts the expiry. */
  async reissue(em: EntityManager, id: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await em.execute(
      `update invite set token_hash = ?, expires_at = ?, sent_at = now() where id = ?`,
      [tokenHash, expiresAt, id],
    );
  }

  async revoke(em: EntityManager, id: string): Promise<void> {
    await em.execute(`update invite set status = 'revoked', revoked_at = now() where id = ?`, [id]);
  }

  async markAccepted(em: EntityManager, id: string, creatorId: string): Promise<void> {
    await em.execute(
      `update invite set status = 'accepted', accepted_at = now(), accepted_creator_id = ?
        where id = ?`,
      [creatorId, id],
    );
  }

  async page(
    em: EntityManager,
    brandId: string,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<(InviteRow & { position: KeysetPosition })[]> {
    const rows = after
      ? await em.execute<InviteRow[]>(
          `${SELECT} where brand_id = ? and (created_at, id) > (?::timestamptz, ?::uuid)
           order by created_at, id limit ?`,
          [brandId, after.createdAt, after.id, limit],
        )
      : await em.execute<InviteRow[]>(
          `${SELECT} where brand_id = ? order by created_at, id limit ?`,
          [brandId, limit],
        );
    return rows.map((r) => ({ ...r, position: { createdAt: r.position_at, id: r.id } }));
  }
}
