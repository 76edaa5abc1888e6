import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { OfferSent, OfferSentEvent } from '@glimmer/contracts/network/network.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OfferExpiryScheduler } from './offer-expiry.scheduler';

/**
 * Turns each sent offer into a delayed expiry job (the notifications handler emails the same
 * event). No inbox: the deterministic job id makes a redelivered event add nothing, and the
 * message is acknowledged only once Redis has the job.
 */
@Controller()
export class OfferEventsHandler {
  private readonly logger = new Logger(OfferEventsHandler.name);

  constructor(private readonly expiry: OfferExpiryScheduler) {}

  @EventPattern(OfferSentEvent.pattern)
  async onOfferSent(@Payload() p: OfferSent, @Ctx() ctx: AmqpContext): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(p.dueDate)) {
      throw new DomainError(
        'validation_failed',
        `${ctx.pattern} for offer ${p.offerId} has no valid dueDate`,
      );
    }
    const result = await this.expiry.scheduleExpiry({ offerId: p.offerId, dueDate: p.dueDate });
    this.logger.log(`${ctx.pattern} ${p.offerId}: expiry ${result}`);
  }
}
