import { Injectable } from '@nestjs/common';
import { type FilterQuery, LockMode, QueryFlag } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  DepositStatus,
  FundsConfirmationSource,
} from '@glimmer/contracts/credit/deposit.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { Deposit } from './deposit.entity';
import { pastPosition } from '@glimmer/database/page-cursor';

/**
 * The state changes a deposit goes through (the SET part of one update); each bumps the version
 * its events carry.
 */
const TRANSITIONS = {
  confirmFunds: (source: FundsConfirmationSource) => ({
    set: 'funds_confirmed_at = now(), funds_confirmed_by = ?',
    params: [source],
  }),
  clear: () => ({ set: "status = 'cleared', cleared_at = now()", params: [] }),
  void: () => ({ set: "status = 'voided', voided_at = now()", params: [] }),
};

/** Deposits. `lock` takes the row lock that serialises every change to one deposit. */
@Injectable()
export class DepositRepository {
  /** One insert (returning created_at onto the entity), no unit of work. */
  async insert(em: EntityManager, deposit: Deposit): Promise<Deposit> {
    await em.insert(deposit);
    return deposit;
  }

  byId(em: EntityManager, id: string, { lock = false } = {}): Promise<Deposit | null> {
    return em.findOne(Deposit, { id }, lockOptions(lock));
  }

  byCreditInvoice(
    em: EntityManager,
    creditInvoiceId: string,
    { lock = false } = {},
  ): Promise<Deposit | null> {
    return em.findOne(Deposit, { creditInvoiceId }, lockOptions(lock));
  }

  byIdempotencyKey(em: EntityManager, brandId: string, key: string): Promise<Deposit | null> {
    return em.findOne(Deposit, { brandId, idempotencyKey: key });
  }

  /** A brand's unpaid deposits (pending, funds not confirmed), on their partial index. */
  countUnpaid(em: EntityManager, brandId: string): Promise<number> {
    return em.count(Deposit, { brandId, status: 'pending', fundsConfirmedAt: null });
  }

  /** Applies a transition to a locked deposit and returns it as it now stands. */
  async confirmFunds(
    em: EntityManager,
    deposit: Deposit,
    source: FundsConfirmationSource,
  ): Promise<Deposit> {
    return this.transition(em, deposit, TRANSITIONS.confirmFunds(source));
  }

  clear(em: EntityManager, deposit: Deposit): Promise<Deposit> {
    return this.transition(em, deposit, TRANSITIONS.clear());
  }

  void(em: EntityManager, deposit: Deposit): Promise<Deposit> {
    return this.transition(em, deposit, TRANSITIONS.void());
  }

  /**
   * One `update … returning *`: SQL on purpose, because the clearing path runs it for every
   * deposit and MikroORM's nativeUpdate returns only a count (the database's now() and version
   * would need a second select). The row is mapped back onto the locked, managed entity, which
   * keeps its cost code fields.
   */
  private async transition(
    em: EntityManager,
    deposit: Deposit,
    change: { set: string; params: unknown[] },
  ): Promise<Deposit> {
    const [row] = await em.execute<Record<string, unknown>[]>(
      `update deposit set ${change.set}, version = version + 1 where id = ? returning *`,
      [...change.params, deposit.id],
    );
    const { costCode, costCodeName } = deposit;
    return Object.assign(em.map(Deposit, row), { costCode, costCodeName });
  }

  /** A deposit by its own id or its credit invoice's (ops paste whichever they have). */
  byIdOrCreditInvoice(em: EntityManager, id: string): Promise<Deposit | null> {
    return em.findOne(Deposit, { $or: [{ id }, { creditInvoiceId: id }] });
  }

  /** Deposits (in one status, made before `madeBefore`) oldest first by (created_at, id). */
  async pageForOps(
    em: EntityManager,
    filter: { status?: DepositStatus; madeBefore?: Date },
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<{ deposit: Deposit; position: KeysetPosition }[]> {
    const where: FilterQuery<Deposit> = {};
    if (filter.status) where.status = filter.status;
    if (filter.madeBefore) where.createdAt = { $lte: filter.madeBefore };
    const qb = em
      .createQueryBuilder(Deposit, 'd')
      .select('*')
      .where(where)
      .orderBy({ createdAt: 'asc', id: 'asc' })
      .limit(limit)
      .setFlag(QueryFlag.INCLUDE_LAZY_FORMULAS);
    // The keyset walks the (status, created_at, id) index.
    pastPosition(qb, { at: 'd.created_at', id: 'd.id' }, after);
    const deposits = await qb.getResultList();
    return deposits.map((deposit) => ({
      deposit,
      position: { createdAt: deposit.cursorAt!, id: deposit.id },
    }));
  }

  /** Pending deposits in id order, for the scheduler's sweep. */
  pendingAfter(em: EntityManager, afterId: string | undefined, limit: number): Promise<Deposit[]> {
    return em.find(
      Deposit,
      afterId ? { status: 'pending', id: { $gt: afterId } } : { status: 'pending' },
      { orderBy: { id: 'asc' }, limit },
    );
  }
}

/** `for update` of the deposit row only (its cost code's label is a subquery, not locked). */
function lockOptions(lock: boolean) {
  return lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
}
