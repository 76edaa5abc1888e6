import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  PayoutMethodChanged,
  PayoutMethodChangedEvent,
} from '@glimmer/contracts/payout/payout-method.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { JobQueue } from '../jobs/job-queue.service';
import { queueEmailFor } from './email-queue';

/**
 * Tells the creator every time a payout method is added or made preferred (masked details
 * only): a change they did not make — a stolen session — is then noticed at once. One email
 * per event, keyed by its message id.
 */
@Controller()
export class PayoutMethodNoticesHandler {
  private readonly logger = new Logger(PayoutMethodNoticesHandler.name);

  constructor(private readonly jobs: JobQueue) {}

  @EventPattern(PayoutMethodChangedEvent.pattern)
  async onChanged(@Payload() change: PayoutMethodChanged, @Ctx() ctx: AmqpContext): Promise<void> {
    const result = await queueEmailFor(this.jobs, ctx.messageId, {
      template: 'payout-method-changed',
      change: { ...change, maskedDetails: { ...change.maskedDetails } },
    });
    this.logger.log(`${ctx.pattern} ${change.methodId} (${change.change}): email ${result}`);
  }
}
