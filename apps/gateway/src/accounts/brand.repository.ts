import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Brand } from './brand.entity';

/** The brand signup record: who signed up, in which currency, and the finance contact. */
@Injectable()
export class BrandRepository {
  /** Inside the caller's transaction (the sign-up's), written at once. */
  async insert(
    em: EntityManager,
    brand: Pick<Brand, 'id' | 'name' | 'currency' | 'financeEmail'>,
  ): Promise<void> {
    await em.insert(Brand, brand);
  }
}
