import { Controller } from '@nestjs/common';
import { PayoutScheduled, PayoutScheduledEvent } from '@glimmer/contracts/payout/payout.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { PayoutDispatchScheduler } from './payout-dispatch.scheduler';

/**
 * Turns each scheduled payout attempt into a delayed dispatch job (the notifications module
 * emails the creator about the same event). The message is acknowledged only once Redis has
 * the job.
 */
@Controller()
export class PayoutDispatchEvents {
  constructor(private readonly dispatch: PayoutDispatchScheduler) {}

  @OnEvent(PayoutScheduledEvent, {
    consumer: 'scheduler.payout-dispatch.payout-scheduled',
    withoutInbox: 'the deterministic job id per payout and attempt makes a repeat add nothing',
  })
  async onScheduled(p: PayoutScheduled, ctx: AmqpContext): Promise<string> {
    if (Number.isNaN(Date.parse(p.dispatchAt))) {
      throw new DomainError(
        'validation_failed',
        `${ctx.pattern} for payout ${p.payoutId} has no valid dispatchAt`,
      );
    }
    const result = await this.dispatch.scheduleDispatch(p);
    return `${ctx.pattern} ${p.payoutId} attempt ${p.attempt}: dispatch at ${p.dispatchAt} ${result}`;
  }
}
