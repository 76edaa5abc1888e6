import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import type { InviteView } from '@glimmer/contracts/network/invite.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import type { NetworkConfig } from '../creator-network.config';
import { InviteEmail } from './invite-email';
import { InviteSendQuota } from './invite-send-quota';
import { inviteExpiry, issueInviteToken } from './invite-token';
import { toInviteView } from './invite-views';
import { InviteRepository } from './invite.repository';

export interface ResendInviteCommand {
  actor: Actor;
  inviteId: string;
}

/** A new token and expiry; the old link stops working. Accepted or revoked invites are final. */
@Injectable()
export class ResendInvite {
  constructor(
    private readonly orm: MikroORM,
    private readonly invites: InviteRepository,
    private readonly sendQuota: InviteSendQuota,
    private readonly email: InviteEmail,
    @Inject(CONFIG) private readonly config: NetworkConfig,
  ) {}

  execute({ actor, inviteId }: ResendInviteCommand): Promise<InviteView> {
    const brand = requireBrand(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const invite = await this.invites.lockForBrand(em, brand.brandId, inviteId);
      if (!invite) throw notFound('invite');
      if (invite.status !== 'sent') {
        throw new DomainError('invite_not_pending', `the invite is ${invite.status}`, {
          meta: { status: invite.status },
        });
      }
      await this.sendQuota.record(em, brand.brandId, invite.id);
      const { nonce, hash } = issueInviteToken(this.config.INVITE_TOKEN_SECRET, invite.id);
      const expiresAt = inviteExpiry(new Date(), this.config.INVITE_TTL_HOURS);
      await this.invites.reissue(em, invite, hash, expiresAt);
      await this.email.ask(em, invite, nonce);
      return toInviteView(invite);
    });
  }
}
