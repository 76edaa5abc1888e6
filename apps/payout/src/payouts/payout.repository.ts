import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { KeysetPosition } from '@glimmer/contracts/page';
import type { PayoutStatus } from '@glimmer/contracts/payout/payout.messages';
import { toAmount } from '@glimmer/database/sql';
import { positionSql } from '@glimmer/database/page-cursor';
import { Payout, PayoutAttempt } from './payout';

interface PayoutRow {
  id: string;
  invoice_id: string;
  project_id: string;
  project_title: string;
  brand_id: string;
  creator_id: string;
  amount: string | number;
  currency: string;
  status: PayoutStatus;
  payout_method_id: string | null;
  invoice_paid_at: Date | string;
  due_by: Date | string;
  dispatch_at: Date | string | null;
  expected_date: string | null;
  attempts: number;
  last_error: string | null;
  provider_reference: string | null;
  paid_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  position_at: string;
}

// `date` columns are read as text: pg would turn them into a Date at local midnight.
const COLUMNS = `id, invoice_id, project_id, project_title, brand_id, creator_id, amount, currency,
  status, payout_method_id, invoice_paid_at, due_by, dispatch_at,
  to_char(expected_date, 'YYYY-MM-DD') as expected_date, attempts, last_error, provider_reference,
  paid_at, created_at, updated_at, ${positionSql('created_at')} as position_at`;

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const dateOrNull = (v: Date | string | null) => (v === null ? null : date(v));

function fromRow(row: PayoutRow): Payout {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    projectId: row.project_id,
    projectTitle: row.project_title,
    brandId: row.brand_id,
    creatorId: row.creator_id,
    amount: toAmount(row.amount),
    currency: row.currency,
    status: row.status,
    payoutMethodId: row.payout_method_id,
    invoicePaidAt: date(row.invoice_paid_at),
    dueBy: date(row.due_by),
    dispatchAt: dateOrNull(row.dispatch_at),
    expectedDate: row.expected_date,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    providerReference: row.provider_reference,
    paidAt: dateOrNull(row.paid_at),
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
  };
}

const withPosition = (row: PayoutRow) => ({
  ...fromRow(row),
  position: { createdAt: row.position_at, id: row.id },
});

interface AttemptRow {
  attempt: number;
  started_at: Date | string;
  finished_at: Date | string | null;
  outcome: 'paid' | 'failed' | null;
  error: string | null;
  provider_reference: string | null;
}

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

export interface DueRow {
  id: string;
  attempt: number;
  dispatchAt: Date;
}

/**
 * Payout rows. Every state change is a conditional update on the state it expects (and, for
 * attempts, the attempt number), so two workers racing on one payout cannot both move it.
 */
@Injectable()
export class PayoutRepository {
  /** True when this call created the payout; a second call for the invoice finds it there. */
  async insertIfAbsent(em: EntityManager, p: NewPayout, now: Date): Promise<boolean> {
    const inserted: unknown[] = await em.execute(
      `insert into payout (id, invoice_id, project_id, project_title, brand_id, creator_id, amount,
         currency, status, payout_method_id, invoice_paid_at, due_by, dispatch_at, expected_date,
         created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (invoice_id) do nothing
       returning id`,
      [
        p.id,
        p.invoiceId,
        p.projectId,
        p.projectTitle,
        p.brandId,
        p.creatorId,
        p.amount,
        p.currency,
        p.status,
        p.payoutMethodId,
        p.invoicePaidAt,
        p.dueBy,
        p.dispatchAt,
        p.expectedDate,
        now,
        now,
      ],
    );
    return inserted.length === 1;
  }

  async get(em: EntityManager, id: string): Promise<Payout | null> {
    const [row] = await em.execute<PayoutRow[]>(`select ${COLUMNS} from payout where id = ?`, [id]);
    return row ? fromRow(row) : null;
  }

  async lock(em: EntityManager, id: string): Promise<Payout | null> {
    const [row] = await em.execute<PayoutRow[]>(
      `select ${COLUMNS} from payout where id = ? for update`,
      [id],
    );
    return row ? fromRow(row) : null;
  }

  /** A creator's payouts waiting for a method, locked for the rest of the transaction. */
  async lockNeedingMethod(em: EntityManager, creatorId: string): Promise<Payout[]> {
    const rows = await em.execute<PayoutRow[]>(
      `select ${COLUMNS} from payout where creator_id = ? and status = 'needs_method'
       order by created_at, id for update`,
      [creatorId],
    );
    return rows.map(fromRow);
  }

  /** needs_method → scheduled, or needs_attention → scheduled (ops retry). */
  async schedule(
    em: EntityManager,
    id: string,
    from: 'needs_method' | 'needs_attention',
    next: { methodId: string | null; dispatchAt: Date; expectedDate: string },
    now: Date,
  ): Promise<Payout | null> {
    const [row] = await em.execute<PayoutRow[]>(
      `update payout set status = 'scheduled', payout_method_id = coalesce(?, payout_method_id),
         dispatch_at = ?, expected_date = ?, updated_at = ?
       where id = ? and status = ?
       returning ${COLUMNS}`,
      [next.methodId, next.dispatchAt, next.expectedDate, now, id, from],
    );
    return row ? fromRow(row) : null;
  }

  /**
   * Takes attempt `attempt`: scheduled/failed with attempts = attempt - 1 and due → processing.
   * Null when another worker, state or attempt got there first.
   */
  async claim(
    em: EntityManager,
    id: string,
    attempt: number,
    methodId: string,
    now: Date,
  ): Promise<Payout | null> {
    const [row] = await em.execute<PayoutRow[]>(
      `update payout set status = 'processing', attempts = ?, payout_method_id = ?, updated_at = ?
       where id = ? and status in ('scheduled', 'failed') and attempts = ? and dispatch_at <= ?
       returning ${COLUMNS}`,
      [attempt, methodId, now, id, attempt - 1, now],
    );
    if (!row) return null;
    await em.execute(
      `insert into payout_attempt (payout_id, attempt, payout_method_id, started_at)
       values (?, ?, ?, ?) on conflict (payout_id, attempt) do nothing`,
      [id, attempt, methodId, now],
    );
    return fromRow(row);
  }

  /** The provider's answer to attempt `attempt`, kept in its history. */
  private async settleAttempt(
    em: EntityManager,
    id: string,
    attempt: number,
    outcome: { outcome: 'paid'; reference: string } | { outcome: 'failed'; error: string },
    now: Date,
  ): Promise<void> {
    await em.execute(
      `update payout_attempt set outcome = ?, error = ?, provider_reference = ?, finished_at = ?
       where payout_id = ? and attempt = ?`,
      [
        outcome.outcome,
        outcome.outcome === 'failed' ? outcome.error : null,
        outcome.outcome === 'paid' ? outcome.reference : null,
        now,
        id,
        attempt,
      ],
    );
  }

  /** A payout's attempts, oldest first. */
  async attemptsOf(em: EntityManager, id: string): Promise<PayoutAttempt[]> {
    const rows = await em.execute<AttemptRow[]>(
      `select attempt, started_at, finished_at, outcome, error, provider_reference
       from payout_attempt where payout_id = ? order by attempt`,
      [id],
    );
    return rows.map((r) => ({
      attempt: Number(r.attempt),
      startedAt: date(r.started_at),
      finishedAt: dateOrNull(r.finished_at),
      outcome: r.outcome,
      error: r.error,
      providerReference: r.provider_reference,
    }));
  }

  /** Takes over attempt `attempt` whose worker has not been heard of since `stuckBefore`. */
  async reclaimStuck(
    em: EntityManager,
    id: string,
    attempt: number,
    stuckBefore: Date,
    now: Date,
  ): Promise<Payout | null> {
    const [row] = await em.execute<PayoutRow[]>(
      `update payout set updated_at = ?
       where id = ? and status = 'processing' and attempts = ? and updated_at < ?
       returning ${COLUMNS}`,
      [now, id, attempt, stuckBefore],
    );
    return row ? fromRow(row) : null;
  }

  async markPaid(
    em: EntityManager,
    id: string,
    attempt: number,
    reference: string,
    now: Date,
  ): Promise<Payout | null> {
    const [row] = await em.execute<PayoutRow[]>(
      `update payout set status = 'paid', paid_at = ?, provider_reference = ?, last_error = null,
         updated_at = ?
       where id = ? and status = 'processing' and attempts = ?
       returning ${COLUMNS}`,
      [now, reference, now, id, attempt],
    );
    if (!row) return null;
    await this.settleAttempt(em, id, attempt, { outcome: 'paid', reference }, now);
    return fromRow(row);
  }

  /** processing → failed (another attempt at `dispatchAt`). */
  async markFailed(
    em: EntityManager,
    id: string,
    attempt: number,
    next: { lastError: string; dispatchAt: Date; expectedDate: string },
    now: Date,
  ): Promise<Payout | null> {
    const [row] = await em.execute<PayoutRow[]>(
      `update payout set status = 'failed', last_error = ?, dispatch_at = ?, expected_date = ?,
         updated_at = ?
       where id = ? and status = 'processing' and attempts = ?
       returning ${COLUMNS}`,
      [next.lastError, next.dispatchAt, next.expectedDate, now, id, attempt],
    );
    if (!row) return null;
    await this.settleAttempt(em, id, attempt, { outcome: 'failed', error: next.lastError }, now);
    return fromRow(row);
  }

  /** processing → needs_attention: no attempt left, ops is asked to look. */
  async markNeedsAttention(
    em: EntityManager,
    id: string,
    attempt: number,
    lastError: string,
    now: Date,
  ): Promise<Payout | null> {
    const [row] = await em.execute<PayoutRow[]>(
      `update payout set status = 'needs_attention', last_error = ?, updated_at = ?
       where id = ? and status = 'processing' and attempts = ?
       returning ${COLUMNS}`,
      [lastError, now, id, attempt],
    );
    if (!row) return null;
    await this.settleAttempt(em, id, attempt, { outcome: 'failed', error: lastError }, now);
    return fromRow(row);
  }

  /**
   * The sweep's list: attempts due at least `graceMs` ago, and attempts whose worker vanished
   * (processing since before `stuckBefore`). Each half walks its own partial index.
   */
  async due(
    em: EntityManager,
    { limit, dueBefore, stuckBefore }: { limit: number; dueBefore: Date; stuckBefore: Date },
  ): Promise<DueRow[]> {
    const rows = await em.execute<{ id: string; attempt: number; dispatch_at: Date | string }[]>(
      `(select id, attempts + 1 as attempt, dispatch_at from payout
         where status in ('scheduled', 'failed') and dispatch_at <= ?
         order by dispatch_at limit ?)
       union all
       (select id, attempts as attempt, dispatch_at from payout
         where status = 'processing' and updated_at < ?
         order by updated_at limit ?)`,
      [dueBefore, limit, stuckBefore, limit],
    );
    return rows
      .map((r) => ({ id: r.id, attempt: Number(r.attempt), dispatchAt: date(r.dispatch_at) }))
      .sort((a, b) => a.dispatchAt.getTime() - b.dispatchAt.getTime())
      .slice(0, limit);
  }

  /** A creator's payouts, newest first by (created_at, id). */
  async pageForCreator(
    em: EntityManager,
    creatorId: string,
    status: PayoutStatus | undefined,
    after: KeysetPosition | undefined,
    limit: number,
  ) {
    const where = ['creator_id = ?'];
    const params: unknown[] = [creatorId];
    if (status) {
      where.push('status = ?');
      params.push(status);
    }
    if (after) {
      where.push('(created_at, id) < (?::timestamptz, ?::uuid)');
      params.push(after.createdAt, after.id);
    }
    params.push(limit);
    const rows = await em.execute<PayoutRow[]>(
      `select ${COLUMNS} from payout where ${where.join(' and ')}
       order by created_at desc, id desc limit ?`,
      params,
    );
    return rows.map(withPosition);
  }

  /** Every payout (or those in one status), newest first by (created_at, id), for ops. */
  async pageForOps(
    em: EntityManager,
    status: PayoutStatus | undefined,
    after: KeysetPosition | undefined,
    limit: number,
  ) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (status) {
      where.push('status = ?');
      params.push(status);
    }
    if (after) {
      where.push('(created_at, id) < (?::timestamptz, ?::uuid)');
      params.push(after.createdAt, after.id);
    }
    params.push(limit);
    const rows = await em.execute<PayoutRow[]>(
      `select ${COLUMNS} from payout ${where.length ? `where ${where.join(' and ')}` : ''}
       order by created_at desc, id desc limit ?`,
      params,
    );
    return rows.map(withPosition);
  }

  async forProjects(
    em: EntityManager,
    scope: PayoutScope,
    projectIds: string[],
  ): Promise<Payout[]> {
    if (projectIds.length === 0) return [];
    const where = ['project_id in (?)'];
    const params: unknown[] = [projectIds];
    if (scope.kind === 'creator') {
      where.push('creator_id = ?');
      params.push(scope.creatorId);
    } else if (scope.kind === 'brand') {
      where.push('brand_id = ?');
      params.push(scope.brandId);
    }
    const rows = await em.execute<PayoutRow[]>(
      `select ${COLUMNS} from payout where ${where.join(' and ')} order by created_at, id`,
      params,
    );
    return rows.map(fromRow);
  }

  /** Every payout still owed, and the most recent paid ones, for a creator's dashboard. */
  async forDashboard(em: EntityManager, creatorId: string, recentPaid: number): Promise<Payout[]> {
    const rows = await em.execute<PayoutRow[]>(
      `(select ${COLUMNS} from payout where creator_id = ? and status <> 'paid')
       union all
       (select ${COLUMNS} from payout where creator_id = ? and status = 'paid'
         order by created_at desc, id desc limit ?)`,
      [creatorId, creatorId, recentPaid],
    );
    return rows
      .map(fromRow)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  }

  /** Paid totals per currency (the dashboard shows the creator's main currency). */
  async paidTotals(em: EntityManager, creatorId: string): Promise<Map<string, number>> {
    const rows = await em.execute<{ currency: string; total: string }[]>(
      `select currency, sum(amount)::text as total from payout
       where creator_id = ? and status = 'paid' group by currency`,
      [creatorId],
    );
    return new Map(rows.map((r) => [r.currency, toAmount(r.total)]));
  }
}
