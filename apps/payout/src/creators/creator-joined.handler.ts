import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CreatorJoined, CreatorJoinedEvent } from '@glimmer/contracts/network/network.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { InboxService } from '@glimmer/messaging/inbox/inbox.service';
import { RecordJoinedCreator } from './record-joined-creator.use-case';

/** network.creator.joined, once per message, into the creators projection. */
@Controller()
export class CreatorJoinedHandler {
  private readonly logger = new Logger(CreatorJoinedHandler.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly recordJoinedCreator: RecordJoinedCreator,
  ) {}

  @EventPattern(CreatorJoinedEvent.pattern)
  async onCreatorJoined(@Payload() p: CreatorJoined, @Ctx() ctx: AmqpContext): Promise<void> {
    const result = await this.inbox.runOnce('payout.creator.joined', ctx, (em) =>
      this.recordJoinedCreator.execute(em, p),
    );
    if (!result.duplicate) this.logger.log(`creator ${p.creatorId} recorded`);
  }
}
