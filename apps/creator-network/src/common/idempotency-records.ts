import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { BrandActor } from '@glimmer/contracts/actor';
import { runIdempotentCommand } from '@glimmer/database/idempotent-command';

export type IdempotentScope = 'offer' | 'invite';

interface IdempotencyRecordRow {
  request_hash: string;
  result_id: string;
}

/**
 * A create guarded by an Idempotency-Key, with the shared recipe: the key, its request hash
 * and the id it made are recorded in `idempotency_record` in the create's own transaction
 * (with the row and its outbox event), so a retry replays the first result — no second row,
 * no second event, no second email. Without a key the create just runs.
 */
export function idempotentCreate<R extends { id: string }>(
  orm: MikroORM,
  args: {
    scope: IdempotentScope;
    brand: BrandActor;
    key: string | undefined;
    hash: string;
    create: (em: EntityManager) => Promise<R>;
    load: (em: EntityManager, id: string) => Promise<R>;
  },
): Promise<R> {
  const { scope, brand, key, hash } = args;
  if (!key) return orm.em.fork().transactional((em) => args.create(em));
  return runIdempotentCommand(orm, {
    lockName: `network:${scope}:${brand.brandId}:${key}`,
    uniqueConstraint: 'idempotency_record_key',
    hash,
    find: async (em) => {
      const [row] = await em.execute<IdempotencyRecordRow[]>(
        `select request_hash, result_id from idempotency_record
          where brand_id = ? and scope = ? and idempotency_key = ?`,
        [brand.brandId, scope, key],
      );
      if (!row) return undefined;
      return { requestHash: row.request_hash, result: () => args.load(em, row.result_id) };
    },
    create: async (em) => {
      const result = await args.create(em);
      await em.execute(
        `insert into idempotency_record (brand_id, scope, idempotency_key, request_hash, result_id)
         values (?, ?, ?, ?, ?)`,
        [brand.brandId, scope, key, hash, result.id],
      );
      return result;
    },
  });
}
