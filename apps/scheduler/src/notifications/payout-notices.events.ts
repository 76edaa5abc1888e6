import { Controller } from '@nestjs/common';
import {
  PayoutFailed,
  PayoutFailedEvent,
  PayoutNeedsMethod,
  PayoutNeedsMethodEvent,
  PayoutPaid,
  PayoutPaidEvent,
  PayoutScheduled,
  PayoutScheduledEvent,
} from '@glimmer/contracts/payout/payout.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { JobQueue } from '../jobs/job-queue.service';
import { EMAIL_JOB_ID_DEDUPES, queueEmailFor } from './email-queue';
import type { PayoutEmail } from './email.templates';

/**
 * Keeps the creator told about their payout: when it is scheduled (the first attempt only — a
 * retry keeps the promised date and is not news), when it needs a payout method, when it was
 * sent, and when it failed for good (ops is on it). One email per event, keyed by its message
 * id. The payout-dispatch module queues the dispatch for the same PayoutScheduled event.
 */
@Controller()
export class PayoutNoticeEvents {
  constructor(private readonly jobs: JobQueue) {}

  @OnEvent(PayoutScheduledEvent, {
    consumer: 'scheduler.notifications.payout-scheduled',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  async onScheduled(p: PayoutScheduled, ctx: AmqpContext): Promise<string> {
    if (p.attempt !== 1)
      return `${ctx.pattern} ${p.payoutId}: attempt ${p.attempt} is a retry, no email`;
    return this.queue({ template: 'payout-scheduled', payout: { ...p } }, ctx);
  }

  @OnEvent(PayoutNeedsMethodEvent, {
    consumer: 'scheduler.notifications.payout-needs-method',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  onNeedsMethod(p: PayoutNeedsMethod, ctx: AmqpContext): Promise<string> {
    return this.queue({ template: 'payout-needs-method', payout: { ...p } }, ctx);
  }

  @OnEvent(PayoutPaidEvent, {
    consumer: 'scheduler.notifications.payout-paid',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  onPaid(p: PayoutPaid, ctx: AmqpContext): Promise<string> {
    return this.queue({ template: 'payout-paid', payout: { ...p } }, ctx);
  }

  @OnEvent(PayoutFailedEvent, {
    consumer: 'scheduler.notifications.payout-failed',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  onFailed(p: PayoutFailed, ctx: AmqpContext): Promise<string> {
    return this.queue({ template: 'payout-failed', payout: { ...p } }, ctx);
  }

  private async queue(email: PayoutEmail, ctx: AmqpContext): Promise<string> {
    const result = await queueEmailFor(this.jobs, ctx.messageId, email);
    return `${ctx.pattern} ${email.payout.payoutId}: ${email.template} email ${result}`;
  }
}
