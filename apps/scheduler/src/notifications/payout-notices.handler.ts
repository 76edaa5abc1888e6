import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
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
import { JobQueue } from '../jobs/job-queue.service';
import { queueEmailFor } from './email-queue';
import type { PayoutEmail } from './email.templates';

/**
 * Keeps the creator told about their payout: when it is scheduled (the first attempt only — a
 * retry keeps the promised date and is not news), when it needs a payout method, when it was
 * sent, and when it failed for good (ops is on it). One email per event, keyed by its message
 * id. The payout-dispatch handler queues the dispatch for the same PayoutScheduled event.
 */
@Controller()
export class PayoutNoticesHandler {
  private readonly logger = new Logger(PayoutNoticesHandler.name);

  constructor(private readonly jobs: JobQueue) {}

  @EventPattern(PayoutScheduledEvent.pattern)
  async onScheduled(@Payload() p: PayoutScheduled, @Ctx() ctx: AmqpContext): Promise<void> {
    if (p.attempt !== 1) {
      this.logger.log(`${ctx.pattern} ${p.payoutId}: attempt ${p.attempt} is a retry, no email`);
      return;
    }
    await this.queue({ template: 'payout-scheduled', payout: { ...p } }, ctx);
  }

  @EventPattern(PayoutNeedsMethodEvent.pattern)
  onNeedsMethod(@Payload() p: PayoutNeedsMethod, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.queue({ template: 'payout-needs-method', payout: { ...p } }, ctx);
  }

  @EventPattern(PayoutPaidEvent.pattern)
  onPaid(@Payload() p: PayoutPaid, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.queue({ template: 'payout-paid', payout: { ...p } }, ctx);
  }

  @EventPattern(PayoutFailedEvent.pattern)
  onFailed(@Payload() p: PayoutFailed, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.queue({ template: 'payout-failed', payout: { ...p } }, ctx);
  }

  private async queue(email: PayoutEmail, ctx: AmqpContext): Promise<void> {
    const result = await queueEmailFor(this.jobs, ctx.messageId, email);
    this.logger.log(`${ctx.pattern} ${email.payout.payoutId}: ${email.template} email ${result}`);
  }
}
