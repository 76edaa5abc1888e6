import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InviteSend } from './invite-send.entity';

/** The invite emails each brand has made Glimmer send. */
@Injectable()
export class InviteSendRepository {
  /** How many the brand sent since `since`, and when the oldest of those was. */
  async since(
    em: EntityManager,
    brandId: string,
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }> {
    const [oldest] = await em.find(
      InviteSend,
      { brandId, sentAt: { $gt: since } },
      { orderBy: { sentAt: 'asc' }, limit: 1 },
    );
    const count = await em.count(InviteSend, { brandId, sentAt: { $gt: since } });
    return { count, oldest: oldest?.sentAt ?? null };
  }

  async record(em: EntityManager, brandId: string, inviteId: string): Promise<void> {
    em.create(InviteSend, { brandId, inviteId });
    await em.flush();
  }
}
