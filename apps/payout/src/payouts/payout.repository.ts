import { Injectable } from '@nestjs/common';
import { LockMode, raw, type ObjectQuery } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder, UpdateQueryBuilder } from '@mikro-orm/postgresql';
import type { KeysetPosition } from '@glimmer/contracts/page';
import type { PayoutStatus } from '@glimmer/contracts/payout/payout.messages';
import { toAmount } from '@glimmer/database/sql';
import { pastPosition, positionSql } from '@glimmer/database/page-cursor';
import { PayoutAttempt } from './payout-attempt.entity';
import { Payout } from './payout.entity';

export type NewPayout = Pick<
  Payout,
  | 'id'
  | 'invoiceId'
  | 'projectId'
  | 'projectTitle'
  | 'brandId'
  | 'creatorId'
  | 'amount'
  | 'currency'
  | 'status'
  | 'payoutMethodId'
  | 'invoicePaidAt'
  | 'dueBy'
  | 'dispatchAt'
  | 'expectedDate'
>;

/** Who may read which payouts. */
export type PayoutScope =
  { kind: 'creator'; creatorId: string } | { kind: 'brand'; brandId: string } | { kind: 'ops' };

export interface DuePayout {
  id: string;
  attempt: number;
  dispatchAt: Date;
}

/** A payout with its keyset position (created_at at microsecond precision, id). */
export type PositionedPayout = Payout & { position: KeysetPosition };

type AttemptOutcome = { outcome: 'paid'; reference: string } | { outcome: 'failed'; error: string };

/**
 * The payout aggregate (payouts and their attempts). Every state change is a conditional update
 * on the state it expects (and, for attempts, the attempt number), returning the row it moved
 * or null, so two workers racing on one payout cannot both move it. Returned payouts are the
 * caller's managed entities, refreshed from the row; nothing here flushes a changed payout.
 */
@Injectable()
export class PayoutRepository {
  /** The payout this call created; null when the invoice already has one. */
  async insertIfAbsent(em: EntityManager, p: NewPayout, now: Date): Promise<Payout | null> {
    const qb = em
      .createQueryBuilder(Payout)
      .insert({ ...p, attempts: 0, createdAt: now, updatedAt: now })
      .onConflict('invoiceId')
      .ignore();
    return this.returningOne(em, qb);
  }

  get(em: EntityManager, id: string): Promise<Payout | null> {
    return em.findOne(Payout, id, { refresh: true });
  }

  /** The payout, locked (`for update`) for the rest of the transaction. */
  lock(em: EntityManager, id: string): Promise<Payout | null> {
    return em.findOne(Payout, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /** A creator's payouts waiting for a method, locked for the rest of the transaction. */
  lockNeedingMethod(em: EntityManager, creatorId: string): Promise<Payout[]> {
    return em.find(
      Payout,
      { creatorId, status: 'needs_method' },
      { orderBy: { createdAt: 'asc', id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
  }

  /** needs_method → scheduled, or needs_attention → scheduled (ops retry). */
  schedule(
    em: EntityManager,
    id: string,
    from: 'needs_method' | 'needs_attention',
    next: { methodId: string | null; dispatchAt: Date; expectedDate: string },
    now: Date,
  ): Promise<Payout | null> {
    return this.move(
      em,
      { id, status: from },
      {
        status: 'scheduled',
        // A retry keeps the method it had; the method chosen for the attempt is set on claim.
        ...(next.methodId ? { payoutMethodId: next.methodId } : {}),
        dispatchAt: next.dispatchAt,
        expectedDate: next.expectedDate,
        updatedAt: now,
      },
    );
  }

  /**
   * Takes attempt `attempt`: scheduled/failed with attempts = attempt - 1 and due → processing,
   * and starts its history entry. Null when another worker, state or attempt got there first.
   */
  async claim(
    em: EntityManager,
    id: string,
    attempt: number,
    methodId: string,
    now: Date,
  ): Promise<Payout | null> {
    const payout = await this.move(
      em,
      {
        id,
        status: { $in: ['scheduled', 'failed'] },
        attempts: attempt - 1,
        dispatchAt: { $lte: now },
      },
      { status: 'processing', attempts: attempt, payoutMethodId: methodId, updatedAt: now },
    );
    if (!payout) return null;
    await em
      .createQueryBuilder(PayoutAttempt)
      .insert({ payoutId: id, attempt, payoutMethodId: methodId, startedAt: now })
      .onConflict(['payoutId', 'attempt'])
      .ignore()
      .execute();
    return payout;
  }

  /** Takes over attempt `attempt` whose worker has not been heard of since `stuckBefore`. */
  reclaimStuck(
    em: EntityManager,
    id: string,
    attempt: number,
    stuckBefore: Date,
    now: Date,
  ): Promise<Payout | null> {
    return this.move(
      em,
      { id, status: 'processing', attempts: attempt, updatedAt: { $lt: stuckBefore } },
      { updatedAt: now },
    );
  }

  async markPaid(
    em: EntityManager,
    id: string,
    attempt: number,
    reference: string,
    now: Date,
  ): Promise<Payout | null> {
    const payout = await this.move(
      em,
      { id, status: 'processing', attempts: attempt },
      {
        status: 'paid',
        paidAt: now,
        providerReference: reference,
        lastError: null,
        updatedAt: now,
      },
    );
    if (payout) await this.settleAttempt(em, id, attempt, { outcome: 'paid', reference }, now);
    return payout;
  }

  /** processing → failed (another attempt at `dispatchAt`). */
  async markFailed(
    em: EntityManager,
    id: string,
    attempt: number,
    next: { lastError: string; dispatchAt: Date; expectedDate: string },
    now: Date,
  ): Promise<Payout | null> {
    const payout = await this.move(
      em,
      { id, status: 'processing', attempts: attempt },
      {
        status: 'failed',
        lastError: next.lastError,
        dispatchAt: next.dispatchAt,
        expectedDate: next.expectedDate,
        updatedAt: now,
      },
    );
    if (payout)
      await this.settleAttempt(em, id, attempt, { outcome: 'failed', error: next.lastError }, now);
    return payout;
  }

  /** processing → needs_attention: no attempt left, ops is asked to look. */
  async markNeedsAttention(
    em: EntityManager,
    id: string,
    attempt: number,
    lastError: string,
    now: Date,
  ): Promise<Payout | null> {
    const payout = await this.move(
      em,
      { id, status: 'processing', attempts: attempt },
      { status: 'needs_attention', lastError, updatedAt: now },
    );
    if (payout)
      await this.settleAttempt(em, id, attempt, { outcome: 'failed', error: lastError }, now);
    return payout;
  }

  /** A payout's attempts, oldest first. */
  attemptsOf(em: EntityManager, id: string): Promise<PayoutAttempt[]> {
    return em.find(PayoutAttempt, { payoutId: id }, { orderBy: { attempt: 'asc' } });
  }

  /**
   * The sweep's list: attempts due at least `graceMs` ago, and attempts whose worker vanished
   * (processing since before `stuckBefore`). Each half walks its own partial index.
   */
  async due(
    em: EntityManager,
    { limit, dueBefore, stuckBefore }: { limit: number; dueBefore: Date; stuckBefore: Date },
  ): Promise<DuePayout[]> {
    const fields = ['id', 'attempts', 'dispatchAt'] as const;
    const dueNow = await em.find(
      Payout,
      { status: { $in: ['scheduled', 'failed'] }, dispatchAt: { $lte: dueBefore } },
      { fields, orderBy: { dispatchAt: 'asc' }, limit },
    );
    const stuck = await em.find(
      Payout,
      { status: 'processing', updatedAt: { $lt: stuckBefore } },
      { fields, orderBy: { updatedAt: 'asc' }, limit },
    );
    return [
      ...dueNow.map((p) => ({ id: p.id, attempt: p.attempts + 1, dispatchAt: p.dispatchAt! })),
      ...stuck.map((p) => ({ id: p.id, attempt: p.attempts, dispatchAt: p.dispatchAt! })),
    ]
      .sort((a, b) => a.dispatchAt.getTime() - b.dispatchAt.getTime())
      .slice(0, limit);
  }

  /** A creator's payouts (optionally in one status), newest first by (created_at, id). */
  pageForCreator(
    em: EntityManager,
    creatorId: string,
    status: PayoutStatus | undefined,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<PositionedPayout[]> {
    return this.page(em, { creatorId, ...(status ? { status } : {}) }, after, limit);
  }

  /** Every payout (or those in one status), newest first by (created_at, id), for ops. */
  pageForOps(
    em: EntityManager,
    status: PayoutStatus | undefined,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<PositionedPayout[]> {
    return this.page(em, status ? { status } : {}, after, limit);
  }

  forProjects(em: EntityManager, scope: PayoutScope, projectIds: string[]): Promise<Payout[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    const owner: ObjectQuery<Payout> =
      scope.kind === 'creator'
        ? { creatorId: scope.creatorId }
        : scope.kind === 'brand'
          ? { brandId: scope.brandId }
          : {};
    return em.find(
      Payout,
      { projectId: { $in: projectIds }, ...owner },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  /** Every payout still owed, and the most recent paid ones, for a creator's dashboard. */
  async forDashboard(em: EntityManager, creatorId: string, recentPaid: number): Promise<Payout[]> {
    const owed = await em.find(Payout, { creatorId, status: { $ne: 'paid' } });
    const paid = await em.find(
      Payout,
      { creatorId, status: 'paid' },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: recentPaid },
    );
    return [...owed, ...paid].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
  }

  /** Paid totals per currency (the dashboard shows the creator's main currency). */
  async paidTotals(em: EntityManager, creatorId: string): Promise<Map<string, number>> {
    const rows = await em
      .createQueryBuilder(Payout)
      .select(['currency', raw('sum(amount)::text as total')])
      .where({ creatorId, status: 'paid' })
      .groupBy('currency')
      .execute<{ currency: string; total: string }[]>('all', false);
    return new Map(rows.map((r) => [r.currency, toAmount(r.total)]));
  }

  /** A conditional update: the payout moved (refreshed in `em`), or null if `from` no longer holds. */
  private move(
    em: EntityManager,
    from: ObjectQuery<Payout>,
    set: Partial<Payout>,
  ): Promise<Payout | null> {
    return this.returningOne(em, em.createQueryBuilder(Payout).update(set).where(from));
  }

  private async returningOne(
    em: EntityManager,
    qb: QueryBuilder<Payout, never, never, never> | UpdateQueryBuilder<Payout>,
  ): Promise<Payout | null> {
    const res = await qb.returning('*').execute<{ rows?: Record<string, unknown>[] }>('run');
    const row = res.rows?.[0];
    return row ? em.map(Payout, row) : null;
  }

  /** The provider's answer to attempt `attempt`, kept in its history. */
  private async settleAttempt(
    em: EntityManager,
    id: string,
    attempt: number,
    outcome: AttemptOutcome,
    now: Date,
  ): Promise<void> {
    await em.nativeUpdate(
      PayoutAttempt,
      { payoutId: id, attempt },
      {
        outcome: outcome.outcome,
        error: outcome.outcome === 'failed' ? outcome.error : null,
        providerReference: outcome.outcome === 'paid' ? outcome.reference : null,
        finishedAt: now,
      },
    );
  }

  /**
   * A keyset page, newest first. The position is read at microsecond precision (a JS Date
   * keeps milliseconds, which would skip rows); the row comparison walks the
   * (…, created_at desc, id desc) indexes.
   */
  private async page(
    em: EntityManager,
    where: ObjectQuery<Payout>,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<PositionedPayout[]> {
    const qb = em
      .createQueryBuilder(Payout, 'p')
      .select(['*', raw(`${positionSql('p.created_at')} as position_at`)])
      .where(where)
      .orderBy({ createdAt: 'desc', id: 'desc' })
      .limit(limit);
    pastPosition(qb, { at: 'p.created_at', id: 'p.id', order: 'desc' }, after);
    const rows = await qb.execute<(Record<string, unknown> & { position_at: string })[]>(
      'all',
      false,
    );
    return rows.map((row) => ({
      ...em.map(Payout, row),
      position: { createdAt: row.position_at, id: row.id as string },
    }));
  }
}
