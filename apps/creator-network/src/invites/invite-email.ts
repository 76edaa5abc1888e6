import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InviteSentEvent } from '@glimmer/contracts/network/network.events';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { BrandRepository } from '../brands/brand.repository';
import type { Invite } from './invite.entity';

/** The event that makes the scheduler email the invite: the nonce, never the token. */
@Injectable()
export class InviteEmail {
  constructor(
    private readonly brands: BrandRepository,
    private readonly outbox: OutboxService,
  ) {}

  async ask(em: EntityManager, invite: Invite, nonce: string): Promise<void> {
    await this.outbox.add(em, InviteSentEvent, {
      inviteId: invite.id,
      nonce,
      brandName: await this.brands.nameOf(em, invite.brandId),
      email: invite.email,
      expiresAt: invite.expiresAt.toISOString(),
      message: invite.message,
    });
  }
}
