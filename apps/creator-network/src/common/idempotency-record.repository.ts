import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IdempotencyRecord, type IdempotentScope } from './idempotency-record.entity';

export interface IdempotencyKeyOf {
  brandId: string;
  scope: IdempotentScope;
  idempotencyKey: string;
}

/** What each brand's Idempotency-Keys made. */
@Injectable()
export class IdempotencyRecordRepository {
  find(em: EntityManager, key: IdempotencyKeyOf): Promise<IdempotencyRecord | null> {
    return em.findOne(IdempotencyRecord, key);
  }

  /** Recorded in the caller's transaction, with the row it made (flushed now). */
  async record(
    em: EntityManager,
    key: IdempotencyKeyOf,
    made: { requestHash: string; resultId: string },
  ): Promise<void> {
    em.create(IdempotencyRecord, { ...key, ...made });
    await em.flush();
  }
}
