import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PayoutMethodView } from '@glimmer/contracts/payout/payout-method.messages';
import { lockIdempotencyName } from '@glimmer/database/idempotent-command';
import { PayoutMethod } from './payout-method.entity';
import type { Sealed } from './secret-box';

/** What a creator sees: every field, secret ones only masked. */
export function toMethodView(m: PayoutMethod): PayoutMethodView {
  return {
    id: m.id,
    type: m.type,
    name: m.name,
    country: m.country,
    details: { ...m.details, ...m.masked },
    preferred: m.preferred,
    createdAt: m.createdAt.toISOString(),
  };
}

export type NewPayoutMethod = Pick<
  PayoutMethod,
  | 'id'
  | 'creatorId'
  | 'type'
  | 'country'
  | 'details'
  | 'masked'
  | 'preferred'
  | 'idempotencyKey'
  | 'requestHash'
> & { sealed: Sealed | null };

/**
 * The name of the lock that serialises a creator's method changes (add, set preferred) with
 * the payouts created for them; the add's idempotency lock is this same one.
 */
export const creatorMethodsLock = (creatorId: string) => `payout:methods:${creatorId}`;

@Injectable()
export class PayoutMethodRepository {
  /** Stored at once: payouts released in the same transaction reference it. */
  async insert(em: EntityManager, m: NewPayoutMethod): Promise<PayoutMethod> {
    const { sealed, ...fields } = m;
    const method = em.create(PayoutMethod, {
      ...fields,
      secretKeyId: sealed?.keyId ?? null,
      secretCiphertext: sealed?.ciphertext ?? null,
      createdAt: new Date(),
    });
    await em.flush();
    return method;
  }

  /**
   * Serialises a creator's method changes (add, set preferred) and payouts created for them
   * until the transaction ends: a transaction-scoped advisory lock (the recipe's lock).
   */
  async lockCreator(em: EntityManager, creatorId: string): Promise<void> {
    await lockIdempotencyName(em, creatorMethodsLock(creatorId));
  }

  get(em: EntityManager, creatorId: string, id: string): Promise<PayoutMethod | null> {
    return em.findOne(PayoutMethod, { id, creatorId });
  }

  byIdempotencyKey(em: EntityManager, creatorId: string, key: string) {
    return em.findOne(PayoutMethod, { creatorId, idempotencyKey: key });
  }

  list(em: EntityManager, creatorId: string): Promise<PayoutMethod[]> {
    return em.find(PayoutMethod, { creatorId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  preferred(em: EntityManager, creatorId: string): Promise<PayoutMethod | null> {
    return em.findOne(PayoutMethod, { creatorId, preferred: true });
  }

  async hasAny(em: EntityManager, creatorId: string): Promise<boolean> {
    return (await em.count(PayoutMethod, { creatorId })) > 0;
  }

  /**
   * Makes `method` its creator's one preferred method. Two statements, in this order: the
   * partial unique index is checked row by row, so clearing the old flag must come first.
   */
  async makePreferred(em: EntityManager, method: PayoutMethod): Promise<void> {
    await em.nativeUpdate(
      PayoutMethod,
      { creatorId: method.creatorId, preferred: true, id: { $ne: method.id } },
      { preferred: false },
    );
    method.preferred = true;
    await em.flush();
  }
}
