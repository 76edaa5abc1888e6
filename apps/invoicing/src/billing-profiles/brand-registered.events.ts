import { Controller } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BrandRegistered,
  BrandRegisteredEvent,
} from '@glimmer/contracts/identity/brand-registered.event';
import { OnEvent } from '@glimmer/messaging/handlers';
import { BillingProfileRepository } from './billing-profile.repository';

/** Keeps the brand's finance contact, so credit invoices know whom they are addressed to. */
@Controller()
export class BrandRegisteredEvents {
  constructor(private readonly profiles: BillingProfileRepository) {}

  @OnEvent(BrandRegisteredEvent, { consumer: 'invoicing.billing-profile.brand-registered' })
  async onBrandRegistered(p: BrandRegistered, em: EntityManager): Promise<string> {
    await this.profiles.upsert(em, {
      brandId: p.brandId,
      name: p.name,
      currency: p.currency,
      financeEmail: p.financeEmail,
    });
    return `billing profile for brand ${p.brandId} recorded`;
  }
}
