import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CreatorJoined, CreatorJoinedEvent } from '@glimmer/contracts/network/network.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { InboxService } from '@glimmer/messaging/inbox/inbox.service';
import { CreatorRepository } from './creator.repository';

/** Keeps each creator's name and email, so payout notices need no lookup in another service. */
@Controller()
export class CreatorJoinedHandler {
  private readonly logger = new Logger(CreatorJoinedHandler.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly creators: CreatorRepository,
  ) {}

  @EventPattern(CreatorJoinedEvent.pattern)
  async onCreatorJoined(@Payload() p: CreatorJoined, @Ctx() ctx: AmqpContext): Promise<void> {
    const result = await this.inbox.runOnce('payout.creator.joined', ctx, (em) =>
      this.creators.upsert(em, { id: p.creatorId, name: p.creatorName, email: p.creatorEmail }),
    );
    if (!result.duplicate) this.logger.log(`creator ${p.creatorId} recorded`);
  }
}
