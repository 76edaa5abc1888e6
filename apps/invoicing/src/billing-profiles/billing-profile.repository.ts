import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BillingProfile } from './billing-profile';

interface BillingProfileRow {
  brand_id: string;
  name: string;
  currency: string;
  finance_email: string;
}

@Injectable()
export class BillingProfileRepository {
  async upsert(em: EntityManager, profile: BillingProfile): Promise<void> {
    await em.execute(
      `insert into billing_profile (brand_id, name, currency, finance_email, updated_at)
       values (?, ?, ?, ?, now())
       on conflict (brand_id) do update
         set name = excluded.name, currency = excluded.currency,
             finance_email = excluded.finance_email, updated_at = now()`,
      [profile.brandId, profile.name, profile.currency, profile.financeEmail],
    );
  }

  async find(em: EntityManager, brandId: string): Promise<BillingProfile | null> {
    const [row] = await em.execute<BillingProfileRow[]>(
      `select brand_id, name, currency, finance_email from billing_profile where brand_id = ?`,
      [brandId],
    );
    return row
      ? {
          brandId: row.brand_id,
          name: row.name,
          currency: row.currency,
          financeEmail: row.finance_email,
        }
      : null;
  }
}
