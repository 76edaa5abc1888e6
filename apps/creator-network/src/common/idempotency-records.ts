import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { BrandActor } from '@glimmer/contracts/actor';
import { runIdempotentCommand } from '@glimmer/database/idempotent-command';
import type { IdempotentScope } from './idempotency-record.entity';
import { IdempotencyRecordRepository } from './idempotency-record.repository';

/**
 * The network's part of a create guarded by an Idempotency-Key; the recipe itself is
 * `runIdempotentCommand`. This only names the lock and the unique constraint, keeps the key in
 * `idempotency_record` (brand, scope, key → request hash, id made) and runs a create without a
 * key as it is.
 */
@Injectable()
export class IdempotentCreate {
  constructor(
    private readonly orm: MikroORM,
    private readonly records: IdempotencyRecordRepository,
  ) {}

  run<R extends { id: string }>(args: {
    scope: IdempotentScope;
    brand: BrandActor;
    key: string | undefined;
    hash: string;
    create: (em: EntityManager) => Promise<R>;
    load: (em: EntityManager, id: string) => Promise<R>;
  }): Promise<R> {
    const { scope, brand, key, hash } = args;
    if (!key) return this.orm.em.fork().transactional((em) => args.create(em));
    const keyOf = { brandId: brand.brandId, scope, idempotencyKey: key };
    return runIdempotentCommand(this.orm, {
      lockName: `network:${scope}:${brand.brandId}:${key}`,
      uniqueConstraint: 'idempotency_record_key',
      hash,
      find: async (em) => {
        const found = await this.records.find(em, keyOf);
        if (!found) return undefined;
        return { requestHash: found.requestHash, result: () => args.load(em, found.resultId) };
      },
      create: async (em) => {
        const result = await args.create(em);
        await this.records.record(em, keyOf, { requestHash: hash, resultId: result.id });
        return result;
      },
    });
  }
}
