import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Brand } from './brand.entity';

/** What creator-network knows of a brand: a projection of identity.brand.registered.v1. */
export interface BrandRecord {
  id: string;
  name: string;
  adminEmail: string | null;
}

@Injectable()
export class BrandRepository {
  async upsert(em: EntityManager, brand: BrandRecord): Promise<void> {
    await em.upsert(Brand, { ...brand, updatedAt: new Date() });
  }

  find(em: EntityManager, id: string): Promise<Brand | null> {
    return em.findOne(Brand, id);
  }

  /**
   * The brand's name for emails. The projection normally arrives milliseconds after signup;
   * until it does, the emails name the brand generically rather than fail.
   */
  async nameOf(em: EntityManager, id: string): Promise<string> {
    return (await this.find(em, id))?.name ?? 'A brand on Glimmer';
  }
}
