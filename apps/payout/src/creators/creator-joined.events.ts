import { Controller } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CreatorJoined, CreatorJoinedEvent } from '@glimmer/contracts/network/network.events';
import { OnEvent } from '@glimmer/messaging/handlers';
import { RecordJoinedCreator } from './record-joined-creator.use-case';

/** network.creator.joined, once per message (the inbox), into the creators projection. */
@Controller()
export class CreatorJoinedEvents {
  constructor(private readonly recordJoinedCreator: RecordJoinedCreator) {}

  @OnEvent(CreatorJoinedEvent, { consumer: 'payout.creator.joined' })
  async onCreatorJoined(p: CreatorJoined, em: EntityManager): Promise<string> {
    await this.recordJoinedCreator.execute(em, p);
    return `creator ${p.creatorId} recorded`;
  }
}
