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

  /** Several deposits by id, in id order (the order their row locks are taken in), as a map. */
  async byIds(
    em: EntityManager,
    ids: readonly string[],
    { lock = false } = {},
  ): Promise<Map<string, Deposit>> {
    const found = await em.find(
      Deposit,
      { id: { $in: [...ids] } },
      { orderBy: { id: 'asc' }, ...lockOptions(lock) },
    );
    return new Map(found.map((d) => [d.id, d]));
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

  /** Clears several locked deposits in one update; returns them as they now stand, in order. */
  clearAll(em: EntityManager, deposits: readonly Deposit[]): Promise<Deposit[]> {
    return this.transitionAll(em, deposits, TRANSITIONS.clear());
  }

  void(em: EntityManager, deposit: Deposit): Promise<Deposit> {
    return this.transition(em, deposit, TRANSITIONS.void());
  }

  private async transition(
    em: EntityManager,
    deposit: Deposit,
    change: { set: string; params: unknown[] },
  ): Promise<Deposit> {
    const [changed] = await this.transitionAll(em, [deposit], change);
    return changed;
  }

  /**
   * One `update … returning *`: SQL on purpose, because the clearing path runs it for every
   * deposit and MikroORM's nativeUpdate returns only a count (the database's now() and version
   * would need a second select). The rows are mapped back onto the locked, managed entities,
   * which keep their cost code fields.
   */
  private async transitionAll(
    em: EntityManager,
    deposits: readonly Deposit[],
    change: { set: string; params: unknown[] },
  ): Promise<Deposit[]> {
    const rows = await em.execute<Record<string, unknown>[]>(
      `update deposit set ${change.set}, version = version + 1 where id in (?) returning *`,
      [...change.params, deposits.map((d) => d.id)],
    );
    const byId = new Map(rows.map((row) => [row.id as string, row]));
    return deposits.map((deposit) => {
      const { costCode, costCodeName } = deposit;
      return Object.assign(em.map(Deposit, byId.get(deposit.id)!), { costCode, costCodeName });
    });
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
function lockOptions(lock: boolean): { lockMode?: LockMode.PESSIMISTIC_WRITE } {
  return lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {};
}
