import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  BrandRegistered,
  BrandRegisteredEvent,
} from '@glimmer/contracts/identity/brand-registered.event';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { InboxService } from '@glimmer/messaging/inbox/inbox.service';
import { BillingProfileRepository } from './billing-profile.repository';

/** Keeps the brand's finance contact, so credit invoices know whom they are addressed to. */
@Controller()
export class BrandRegisteredHandler {
  private readonly logger = new Logger(BrandRegisteredHandler.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly profiles: BillingProfileRepository,
  ) {}

  @EventPattern(BrandRegisteredEvent.pattern)
  async onBrandRegistered(@Payload() p: BrandRegistered, @Ctx() ctx: AmqpContext): Promise<void> {
    const result = await this.inbox.runOnce(
      'invoicing.billing-profile.brand-registered',
      ctx,
      (em) =>
        this.profiles.upsert(em, {
          brandId: p.brandId,
          name: p.name,
          currency: p.currency,
          financeEmail: p.financeEmail,
        }),
    );
    if (!result.duplicate) this.logger.log(`billing profile for brand ${p.brandId} recorded`);
  }
}
