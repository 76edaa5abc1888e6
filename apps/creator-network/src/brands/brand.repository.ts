import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';

/** What creator-network knows of a brand: a projection of identity.brand.registered.v1. */
export interface BrandRecord {
  id: string;
  name: string;
  adminEmail: string | null;
}

@Injectable()
export class BrandRepository {
  async upsert(em: EntityManager, brand: BrandRecord): Promise<void> {
    await em.execute(
      `insert into brand (id, name, admin_email) values (?, ?, ?)
       on conflict (id) do update set name = excluded.name, admin_email = excluded.admin_email,
         updated_at = now()`,
      [brand.id, brand.name, brand.adminEmail],
    );
  }

  async find(em: EntityManager, id: string): Promise<BrandRecord | null> {
    const [row] = await em.execute<{ id: string; name: string; admin_email: string | null }[]>(
      `select id, name, admin_email from brand where id = ?`,
      [id],
    );
    return row ? { id: row.id, name: row.name, adminEmail: row.admin_email } : null;
  }

  /**
   * The brand's name for emails. The projection normally arrives milliseconds after signup;
   * until it does, the emails name the brand generically rather than fail.
   */
  async nameOf(em: EntityManager, id: string): Promise<string> {
    return (await this.find(em, id))?.name ?? 'A brand on Glimmer';
  }
}
