import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface BrandRecord {
  id: string;
  name: string;
  currency: string;
  financeEmail: string;
}

/** The brand signup record: who signed up, in which currency, and the finance contact. */
@Injectable()
export class BrandRepository {
  async insert(em: EntityManager, brand: BrandRecord): Promise<void> {
    await em.execute(`insert into brand (id, name, currency, finance_email) values (?, ?, ?, ?)`, [
      brand.id,
      brand.name,
      brand.currency,
      brand.financeEmail,
    ]);
  }
}
