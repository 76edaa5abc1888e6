import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import type { InviteView } from '@glimmer/contracts/network/invite.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { toInviteView } from './invite-views';
import { InviteRepository } from './invite.repository';

export interface RevokeInviteCommand {
  actor: Actor;
  inviteId: string;
}

/** The brand revokes a pending invite (again: answered as it is); an accepted one stays. */
@Injectable()
export class RevokeInvite {
  constructor(
    private readonly orm: MikroORM,
    private readonly invites: InviteRepository,
  ) {}

  execute({ actor, inviteId }: RevokeInviteCommand): Promise<InviteView> {
    const brand = requireBrand(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const invite = await this.invites.lockForBrand(em, brand.brandId, inviteId);
      if (!invite) throw notFound('invite');
      if (invite.status === 'revoked') return toInviteView(invite);
      if (invite.status === 'accepted') {
        throw new DomainError('invite_not_pending', 'the invite has already been accepted', {
          meta: { status: invite.status },
        });
      }
      await this.invites.revoke(em, invite);
      return toInviteView(invite);
    });
  }
}
