import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A creator as payout notices address them. */
export interface Creator {
  id: string;
  name: string;
  email: string;
}

@Injectable()
export class CreatorRepository {
  /** The latest name and email win: a creator joining a second brand may have updated them. */
  async upsert(em: EntityManager, creator: Creator): Promise<void> {
    await em.execute(
      `insert into creator (id, name, email, updated_at) values (?, ?, ?, now())
       on conflict (id) do update set name = excluded.name, email = excluded.email, updated_at = now()`,
      [creator.id, creator.name, creator.email],
    );
  }

  async find(em: EntityManager, id: string): Promise<Creator | null> {
    const [row] = await em.execute<Creator[]>(`select id, name, email from creator where id = ?`, [
      id,
    ]);
    return row ?? null;
  }
}
