import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type {
  AcceptedInvite,
  AcceptInviteRequest,
} from '@glimmer/contracts/network/invite.messages';
import { CreatorJoinedEvent } from '@glimmer/contracts/network/network.events';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { BrandRepository } from '../brands/brand.repository';
import { CreatorRepository } from '../creators/creator.repository';
import {
  effectiveInviteStatus,
  hashInviteToken,
  invalidInviteToken,
  isWellFormedToken,
} from './invite-token';
import { toAcceptedInvite } from './invite-views';
import { InviteRepository } from './invite.repository';

export type AcceptInviteCommand = Pick<AcceptInviteRequest, 'token' | 'creatorId' | 'name'>;

/**
 * Marks the invite accepted, finds or creates the creator and joins the brand's network, in
 * one transaction. Safe to retry: an invite already accepted by the same creator answers the
 * same result (the gateway may have crashed before creating the account), and nothing is
 * published twice. Without `creatorId` the creator is the one with the invite's email.
 */
@Injectable()
export class AcceptInvite {
  constructor(
    private readonly orm: MikroORM,
    private readonly invites: InviteRepository,
    private readonly creators: CreatorRepository,
    private readonly brands: BrandRepository,
    private readonly outbox: OutboxService,
  ) {}

  execute(req: AcceptInviteCommand): Promise<AcceptedInvite> {
    if (!isWellFormedToken(req.token)) throw invalidInviteToken();
    return this.orm.em.fork().transactional(async (em) => {
      const invite = await this.invites.lockByTokenHash(em, hashInviteToken(req.token));
      if (!invite) throw invalidInviteToken();
      const existing = req.creatorId
        ? await this.creators.byId(em, req.creatorId)
        : await this.creators.byEmail(em, invite.email);
      if (req.creatorId && !existing) throw notFound('creator');
      if (invite.status === 'accepted') {
        if (existing && invite.acceptedCreatorId === existing.id) {
          return toAcceptedInvite(invite, existing, true);
        }
        throw new DomainError('invite_already_accepted', 'this invite has already been used');
      }
      if (invite.status === 'revoked') {
        throw new DomainError('invite_revoked', 'the brand revoked this invite');
      }
      if (effectiveInviteStatus(invite.status, invite.expiresAt, new Date()) !== 'sent')
        throw new DomainError('invite_expired', 'this invite has expired; ask for a new one');
      const creator =
        existing ??
        (await this.creators.findOrCreate(
          em,
          invite.email,
          req.name ?? invite.email.split('@')[0],
        ));
      await this.invites.markAccepted(em, invite, creator.id);
      const joined = await this.creators.join(em, invite.brandId, creator.id, invite.id);
      if (joined) {
        await this.outbox.add(em, CreatorJoinedEvent, {
          brandId: invite.brandId,
          brandName: await this.brands.nameOf(em, invite.brandId),
          creatorId: creator.id,
          creatorName: creator.name,
          creatorEmail: creator.email,
          inviteId: invite.id,
          notifyEmail:
            invite.inviterEmail ?? (await this.brands.find(em, invite.brandId))?.adminEmail ?? null,
          joinedAt: new Date().toISOString(),
        });
      }
      return toAcceptedInvite(invite, creator, false);
    });
  }
}
