import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import { lockIdempotencyName } from '@glimmer/database/idempotent-command';
import { DomainError } from '@glimmer/errors/domain-error';
import type { NetworkConfig } from '../creator-network.config';
import { InviteSendRepository } from './invite-send.repository';

const DAY_MS = 86_400_000;

/**
 * At most NETWORK_INVITES_PER_DAY invite emails (new invites and resends) per brand in any
 * 24 hours. Creator-network owns it because it owns the invites and writes the event that
 * sends each email: the check and the record sit in that same transaction, under a per-brand
 * advisory lock, so concurrent invites cannot both take the last place and a refused invite
 * leaves nothing behind. Over the cap: 429 `invite_daily_limit_reached` with Retry-After (when
 * the oldest send of the window leaves it).
 */
@Injectable()
export class InviteSendQuota {
  constructor(
    private readonly sends: InviteSendRepository,
    @Inject(CONFIG) private readonly config: NetworkConfig,
  ) {}

  async record(em: EntityManager, brandId: string, inviteId: string): Promise<void> {
    const limit = this.config.NETWORK_INVITES_PER_DAY;
    await lockIdempotencyName(em, `network:invite-sends:${brandId}`);
    const window = await this.sends.since(em, brandId, new Date(Date.now() - DAY_MS));
    if (window.count >= limit) {
      const freesAt = window.oldest!.getTime() + DAY_MS;
      throw new DomainError(
        'invite_daily_limit_reached',
        `the brand has sent ${limit} invite emails in the last 24 hours, the most it may`,
        {
          meta: {
            limit,
            retryAfterSeconds: Math.max(1, Math.ceil((freesAt - Date.now()) / 1000)),
          },
        },
      );
    }
    await this.sends.record(em, brandId, inviteId);
  }
}
