import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BillingProfile } from './billing-profile.entity';

export type BillingProfileData = Pick<
  BillingProfile,
  'brandId' | 'name' | 'currency' | 'financeEmail'
>;

@Injectable()
export class BillingProfileRepository {
  /** The latest registration wins: inserted, or updated in place (`on conflict (brand_id)`). */
  async upsert(em: EntityManager, profile: BillingProfileData): Promise<void> {
    await em.upsert(BillingProfile, { ...profile, updatedAt: new Date() });
  }

  find(em: EntityManager, brandId: string): Promise<BillingProfile | null> {
    return em.findOne(BillingProfile, { brandId });
  }
}
