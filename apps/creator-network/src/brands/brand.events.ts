import { Controller } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  BrandRegistered,
  BrandRegisteredEvent,
} from '@glimmer/contracts/identity/brand-registered.event';
import { OnEvent } from '@glimmer/messaging/handlers';
import { BrandRepository } from './brand.repository';

/** Keeps each brand's name (for invite and offer emails) and its first admin's email. */
@Controller()
export class BrandEvents {
  constructor(private readonly brands: BrandRepository) {}

  @OnEvent(BrandRegisteredEvent, { consumer: 'creator-network.brand.registered' })
  async onBrandRegistered(p: BrandRegistered, em: EntityManager): Promise<string> {
    await this.brands.upsert(em, { id: p.brandId, name: p.name, adminEmail: p.adminEmail });
    return `brand ${p.brandId} recorded`;
  }
}
