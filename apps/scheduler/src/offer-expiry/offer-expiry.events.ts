import { Controller } from '@nestjs/common';
import { OfferSent, OfferSentEvent } from '@glimmer/contracts/network/network.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { OfferExpiryScheduler } from './offer-expiry.scheduler';

/**
 * Turns each sent offer into a delayed expiry job (the notifications module emails the same
 * event). The message is acknowledged only once Redis has the job.
 */
@Controller()
export class OfferExpiryEvents {
  constructor(private readonly expiry: OfferExpiryScheduler) {}

  @OnEvent(OfferSentEvent, {
    consumer: 'scheduler.offer-expiry.offer-sent',
    withoutInbox: 'the deterministic job id per offer makes a repeated event add nothing',
  })
  async onOfferSent(p: OfferSent, ctx: AmqpContext): Promise<string> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.dueDate)) {
      throw new DomainError(
        'validation_failed',
        `${ctx.pattern} for offer ${p.offerId} has no valid dueDate`,
      );
    }
    const result = await this.expiry.scheduleExpiry({ offerId: p.offerId, dueDate: p.dueDate });
    return `${ctx.pattern} ${p.offerId}: expiry ${result}`;
  }
}
