import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Creator } from './creator.entity';

@Injectable()
export class CreatorRepository {
  /** The latest name and email win: a creator joining a second brand may have updated them. */
  async upsert(em: EntityManager, creator: Pick<Creator, 'id' | 'name' | 'email'>): Promise<void> {
    await em.upsert(Creator, { ...creator, updatedAt: new Date() });
  }

  find(em: EntityManager, id: string): Promise<Creator | null> {
    return em.findOne(Creator, id);
  }
}
