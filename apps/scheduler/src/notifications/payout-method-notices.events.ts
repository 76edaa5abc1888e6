import { Controller } from '@nestjs/common';
import {
  PayoutMethodChanged,
  PayoutMethodChangedEvent,
} from '@glimmer/contracts/payout/payout-method.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { JobQueue } from '../jobs/job-queue.service';
import { EMAIL_JOB_ID_DEDUPES, queueEmailFor } from './email-queue';

/**
 * Tells the creator every time a payout method is added or made preferred (masked details
 * only): a change they did not make — a stolen session — is then noticed at once. One email
 * per event, keyed by its message id.
 */
@Controller()
export class PayoutMethodNoticeEvents {
  constructor(private readonly jobs: JobQueue) {}

  @OnEvent(PayoutMethodChangedEvent, {
    consumer: 'scheduler.notifications.payout-method-changed',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  async onChanged(change: PayoutMethodChanged, ctx: AmqpContext): Promise<string> {
    const result = await queueEmailFor(this.jobs, ctx.messageId, {
      template: 'payout-method-changed',
      change: { ...change, maskedDetails: { ...change.maskedDetails } },
    });
    return `${ctx.pattern} ${change.methodId} (${change.change}): email ${result}`;
  }
}
