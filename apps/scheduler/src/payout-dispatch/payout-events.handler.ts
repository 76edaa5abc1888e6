import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { PayoutScheduled, PayoutScheduledEvent } from '@glimmer/contracts/payout/payout.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { PayoutDispatchScheduler } from './payout-dispatch.scheduler';

/**
 * Turns each scheduled payout attempt into a delayed dispatch job (the notifications handler
 * emails the creator about the same event). No inbox: the deterministic job id per payout and
 * attempt makes a redelivered event add nothing, and the message is acknowledged only once
 * Redis has the job.
 */
@Controller()
export class PayoutEventsHandler {
  private readonly logger = new Logger(PayoutEventsHandler.name);

  constructor(private readonly dispatch: PayoutDispatchScheduler) {}

  @EventPattern(PayoutScheduledEvent.pattern)
  async onScheduled(@Payload() p: PayoutScheduled, @Ctx() ctx: AmqpContext): Promise<void> {
    if (Number.isNaN(Date.parse(p.dispatchAt))) {
      throw new DomainError(
        'validation_failed',
        `${ctx.pattern} for payout ${p.payoutId} has no valid dispatchAt`,
      );
    }
    const result = await this.dispatch.scheduleDispatch(p);
    this.logger.log(
      `${ctx.pattern} ${p.payoutId} attempt ${p.attempt}: dispatch at ${p.dispatchAt} ${result}`,
    );
  }
}
