import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import type { InviteView, NewInvite } from '@glimmer/contracts/network/invite.messages';
import { requestHash } from '@glimmer/database/idempotent-command';
import { IdempotentCreate } from '../common/idempotency-records';
import type { NetworkConfig } from '../creator-network.config';
import { InviteEmail } from './invite-email';
import { InviteSendQuota } from './invite-send-quota';
import { inviteExpiry, issueInviteToken } from './invite-token';
import { toInviteView } from './invite-views';
import { InviteRepository } from './invite.repository';

export interface CreateInviteCommand {
  actor: Actor;
  invite: NewInvite;
  idempotencyKey?: string;
}

/**
 * A brand invites a creator by email. With an Idempotency-Key, a retry with the same body
 * returns the first invite: its email already carries the token, so no new token is issued and
 * no second email is sent.
 */
@Injectable()
export class CreateInvite {
  constructor(
    private readonly idempotent: IdempotentCreate,
    private readonly invites: InviteRepository,
    private readonly sendQuota: InviteSendQuota,
    private readonly email: InviteEmail,
    @Inject(CONFIG) private readonly config: NetworkConfig,
  ) {}

  execute({ actor, invite: input, idempotencyKey }: CreateInviteCommand): Promise<InviteView> {
    const brand = requireBrand(actor);
    const email = input.email.trim();
    const message = input.message?.trim() || null;
    return this.idempotent.run({
      scope: 'invite',
      brand,
      key: idempotencyKey,
      hash: requestHash({ email, message }),
      load: async (em, id) => toInviteView((await this.invites.find(em, id))!),
      create: async (em) => {
        const id = randomUUID();
        const { nonce, hash } = issueInviteToken(this.config.INVITE_TOKEN_SECRET, id);
        const invite = await this.invites.insert(em, {
          id,
          brandId: brand.brandId,
          email,
          message,
          tokenHash: hash,
          expiresAt: inviteExpiry(new Date(), this.config.INVITE_TTL_HOURS),
          invitedBy: brand.userId,
          inviterEmail: brand.email ?? null,
        });
        await this.sendQuota.record(em, brand.brandId, id);
        await this.email.ask(em, invite, nonce);
        return toInviteView(invite);
      },
    });
  }
}
