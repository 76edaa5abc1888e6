import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import type {
  InviteLink,
  InviteLinkRequest,
  InvitePreview,
  InviteView,
} from '@glimmer/contracts/network/invite.messages';
import type { Page, PageQuery } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { BrandRepository } from '../brands/brand.repository';
import type { NetworkConfig } from '../creator-network.config';
import { CreatorRepository } from '../creators/creator.repository';
import {
  acceptUrl,
  deriveInviteToken,
  effectiveInviteStatus,
  hashInviteToken,
  invalidInviteToken,
  isWellFormedToken,
} from './invite-token';
import { toInviteView } from './invite-views';
import { InviteRepository } from './invite.repository';

/**
 * The invite aggregate's read-only queries, one class for the aggregate (nothing here
 * writes): the brand's list, the public preview of a link, and the scheduler's email link.
 */
@Injectable()
export class InviteQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly invites: InviteRepository,
    private readonly creators: CreatorRepository,
    private readonly brands: BrandRepository,
    @Inject(CONFIG) private readonly config: NetworkConfig,
  ) {}

  list(actor: Actor, query: PageQuery): Promise<Page<InviteView>> {
    const brand = requireBrand(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      query,
      (after, limit) => this.invites.page(em, brand.brandId, after, limit),
      (invite) => toInviteView(invite),
    );
  }

  async preview(token: string): Promise<InvitePreview> {
    const em = this.orm.em.fork();
    const invite = isWellFormedToken(token)
      ? await this.invites.byTokenHash(em, hashInviteToken(token))
      : null;
    if (!invite) throw invalidInviteToken();
    const acceptedBy = invite.acceptedCreatorId
      ? await this.creators.byId(em, invite.acceptedCreatorId)
      : null;
    return {
      inviteId: invite.id,
      email: invite.email,
      brandName: await this.brands.nameOf(em, invite.brandId),
      status: effectiveInviteStatus(invite.status, invite.expiresAt, new Date()),
      expiresAt: invite.expiresAt.toISOString(),
      acceptedByInvitee: acceptedBy?.email.toLowerCase() === invite.email.trim().toLowerCase(),
    };
  }

  /**
   * The invite email's link, derived again from the event's nonce at send time. Only the latest
   * issue of a still-acceptable invite has one: an email that lost the race with a resend (or
   * with acceptance, revocation or expiry) would carry a dead link, so it is not sent.
   */
  async link(req: InviteLinkRequest): Promise<InviteLink> {
    const invite = await this.invites.find(this.orm.em.fork(), req.inviteId);
    if (!invite) throw notFound('invite');
    const token = deriveInviteToken(this.config.INVITE_TOKEN_SECRET, invite.id, req.nonce);
    const status = effectiveInviteStatus(invite.status, invite.expiresAt, new Date());
    const current = hashInviteToken(token) === invite.tokenHash;
    if (!current || status !== 'sent') {
      const why = current ? status : 'superseded';
      throw new DomainError('invite_not_pending', `this invite email is stale: ${why}`, {
        meta: { status: why },
      });
    }
    return { token, acceptUrl: acceptUrl(this.config.INVITE_ACCEPT_URL, token) };
  }
}
