import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  BrandRegistered,
  BrandRegisteredEvent,
} from '@glimmer/contracts/identity/brand-registered.event';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { InboxService } from '@glimmer/messaging/inbox/inbox.service';
import { BrandRepository } from './brand.repository';

/** Keeps each brand's name (for invite and offer emails) and its first admin's email. */
@Controller()
export class BrandRegisteredHandler {
  private readonly logger = new Logger(BrandRegisteredHandler.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly brands: BrandRepository,
  ) {}

  @EventPattern(BrandRegisteredEvent.pattern)
  async onBrandRegistered(@Payload() p: BrandRegistered, @Ctx() ctx: AmqpContext): Promise<void> {
    const result = await this.inbox.runOnce('creator-network.brand.registered', ctx, (em) =>
      this.brands.upsert(em, { id: p.brandId, name: p.name, adminEmail: p.adminEmail }),
    );
    if (!result.duplicate) this.logger.log(`brand ${p.brandId} recorded`);
  }
}
