import { Injectable } from '@nestjs/common';
import { raw, type EntityManager } from '@mikro-orm/postgresql';
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

  /**
   * The creator and the id of their preferred payout method, in one statement: the
   * invoice-paid path runs it once an event, and a second round trip there was a fifth of
   * the event's statements. The creator enters `em`'s identity map, so a later `find` of them
   * in the same transaction is answered from it.
   */
  async findWithPreferredMethod(
    em: EntityManager,
    id: string,
  ): Promise<{ creator: Creator; preferredMethodId: string | null } | null> {
    const rows = await em
      .createQueryBuilder(Creator, 'c')
      .select([
        '*',
        raw(
          '(select m.id from payout_method m where m.creator_id = c.id and m.preferred) as preferred_method_id',
        ),
      ])
      .where({ id })
      .execute<(Record<string, unknown> & { preferred_method_id: string | null })[]>('all', false);
    const row = rows[0];
    if (!row) return null;
    const { preferred_method_id: preferredMethodId, ...creator } = row;
    return { creator: em.map(Creator, creator), preferredMethodId };
  }
}
