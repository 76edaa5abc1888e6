import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { Invite } from './invite.entity';
import { pastPosition } from '@glimmer/database/page-cursor';

export interface NewInvite {
  id: string;
  brandId: string;
  email: string;
  message: string | null;
  tokenHash: string;
  expiresAt: Date;
  invitedBy: string;
  inviterEmail: string | null;
}

const FOR_UPDATE = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;

@Injectable()
export class InviteRepository {
  /** A new `sent` invite, flushed in the caller's transaction. */
  async insert(em: EntityManager, invite: NewInvite): Promise<Invite> {
    const created = em.create(Invite, { ...invite, status: 'sent' });
    await em.flush();
    return created;
  }

  /** The brand's invite, locked for a state change; another brand's id is not found. */
  lockForBrand(em: EntityManager, brandId: string, id: string): Promise<Invite | null> {
    return em.findOne(Invite, { id, brandId }, FOR_UPDATE);
  }

  lockByTokenHash(em: EntityManager, tokenHash: string): Promise<Invite | null> {
    return em.findOne(Invite, { tokenHash }, FOR_UPDATE);
  }

  byTokenHash(em: EntityManager, tokenHash: string): Promise<Invite | null> {
    return em.findOne(Invite, { tokenHash });
  }

  find(em: EntityManager, id: string): Promise<Invite | null> {
    return em.findOne(Invite, id);
  }

  /** A new token replaces the old one (which stops working) and restarts the expiry. */
  async reissue(em: EntityManager, invite: Invite, tokenHash: string, expiresAt: Date) {
    em.assign(invite, { tokenHash, expiresAt, sentAt: new Date() });
    await em.flush();
  }

  async revoke(em: EntityManager, invite: Invite): Promise<void> {
    em.assign(invite, { status: 'revoked', revokedAt: new Date() });
    await em.flush();
  }

  async markAccepted(em: EntityManager, invite: Invite, creatorId: string): Promise<void> {
    em.assign(invite, { status: 'accepted', acceptedAt: new Date(), acceptedCreatorId: creatorId });
    await em.flush();
  }

  /** The brand's invites in the order they were made, after `after`. */
  async page(
    em: EntityManager,
    brandId: string,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<(Invite & { position: KeysetPosition })[]> {
    const qb = em
      .createQueryBuilder(Invite, 'i')
      .where({ brandId })
      .orderBy({ createdAt: 'asc', id: 'asc' })
      .limit(limit);
    const invites = await pastPosition(
      qb,
      { at: 'i.created_at', id: 'i.id' },
      after,
    ).getResultList();
    return invites.map((i) =>
      Object.assign(i, { position: { createdAt: i.positionAt, id: i.id } }),
    );
  }
}
