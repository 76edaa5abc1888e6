import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DepositSnapshot } from '@glimmer/contracts/credit/deposit.events';
import type {
  DepositStatus,
  DepositView,
  OpsDepositView,
} from '@glimmer/contracts/credit/deposit.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { positionSql } from '@glimmer/database/page-cursor';
import { toAmount, toIso } from '@glimmer/database/sql';

/** A deposit row with its cost code's label, as the views and event snapshots need. */
export interface DepositRow {
  id: string;
  brand_id: string;
  cost_code_id: string;
  cost_code: string;
  cost_code_name: string;
  amount: string;
  currency: string;
  status: DepositStatus;
  credit_invoice_id: string;
  request_hash: string;
  version: number;
  funds_confirmed_at: string | Date | null;
  cleared_at: string | Date | null;
  voided_at: string | Date | null;
  created_at: string | Date;
}

export interface NewDeposit {
  id: string;
  brandId: string;
  costCodeId: string;
  amount: number;
  currency: string;
  creditInvoiceId: string;
  idempotencyKey: string;
  requestHash: string;
}

const SELECT = `select d.*, c.code as cost_code, c.name as cost_code_name
  from deposit d join cost_code c on c.id = d.cost_code_id`;

/** The state changes a deposit goes through; each bumps the version its events carry. */
const TRANSITIONS = {
  confirmFunds: `funds_confirmed_at = now(), funds_confirmed_by = ?`,
  clear: `status = 'cleared', cleared_at = now()`,
  void: `status = 'voided', voided_at = now()`,
} as const;

export function toDepositView(row: DepositRow): DepositView {
  return {
    id: row.id,
    status: row.status,
    amount: toAmount(row.amount),
    currency: row.currency.trim(),
    costCodeId: row.cost_code_id,
    creditInvoiceId: row.credit_invoice_id,
    createdAt: toIso(row.created_at)!,
    fundsConfirmedAt: toIso(row.funds_confirmed_at),
    clearedAt: toIso(row.cleared_at),
    voidedAt: toIso(row.voided_at),
  };
}

export function toOpsDepositView(row: DepositRow): OpsDepositView {
  return {
    ...toDepositView(row),
    brandId: row.brand_id,
    costCode: { code: row.cost_code, name: row.cost_code_name },
  };
}

export function toDepositSnapshot(row: DepositRow): DepositSnapshot {
  return {
    depositId: row.id,
    brandId: row.brand_id,
    creditInvoiceId: row.credit_invoice_id,
    costCode: { id: row.cost_code_id, code: row.cost_code, name: row.cost_code_name },
    amount: toAmount(row.amount),
    currency: row.currency.trim(),
    status: row.status,
    version: row.version,
    createdAt: toIso(row.created_at)!,
    fundsConfirmedAt: toIso(row.funds_confirmed_at),
    clearedAt: toIso(row.cleared_at),
    voidedAt: toIso(row.voided_at),
  };
}

/** SQL for deposits. `lock` takes the row lock that serialises every change to one deposit. */
@Injectable()
export class DepositRepository {
  async insert(em: EntityManager, d: NewDeposit): Promise<void> {
    await em.execute(
      `insert into deposit (id, brand_id, cost_code_id, amount, currency, status, credit_invoice_id,
         idempotency_key, request_hash, version)
       values (?, ?, ?, ?, ?, 'pending', ?, ?, ?, 1)`,
      [
        d.id,
        d.brandId,
        d.costCodeId,
        d.amount,
        d.currency,
        d.creditInvoiceId,
        d.idempotencyKey,
        d.requestHash,
      ],
    );
  }

  async byId(
    em: EntityManager,
    id: string,
    { lock = false } = {},
  ): Promise<DepositRow | undefined> {
    const [row] = await em.execute<DepositRow[]>(
      `${SELECT} where d.id = ?${lock ? ' for update of d' : ''}`,
      [id],
    );
    return row;
  }

  async byCreditInvoice(em: EntityManager, creditInvoiceId: string, { lock = false } = {}) {
    const [row] = await em.execute<DepositRow[]>(
      `${SELECT} where d.credit_invoice_id = ?${lock ? ' for update of d' : ''}`,
      [creditInvoiceId],
    );
    return row as DepositRow | undefined;
  }

  async byIdempotencyKey(
    em: EntityManager,
    brandId: string,
    key: string,
  ): Promise<DepositRow | undefined> {
    const [row] = await em.execute<DepositRow[]>(
      `${SELECT} where d.brand_id = ? and d.idempotency_key = ?`,
      [brandId, key],
    );
    return row;
  }

  /** Applies a transition to a locked row and returns the row as it now stands. */
  async transition(
    em: EntityManager,
    id: string,
    change: keyof typeof TRANSITIONS,
    params: unknown[] = [],
  ): Promise<DepositRow> {
    await em.execute(
      `update deposit set ${TRANSITIONS[change]}, version = version + 1 where id = ?`,
      [...params, id],
    );
    return (await this.byId(em, id))!;
  }

  /** A deposit by its own id or its credit invoice's (ops paste whichever they have). */
  async byIdOrCreditInvoice(em: EntityManager, id: string): Promise<DepositRow | undefined> {
    const [row] = await em.execute<DepositRow[]>(
      `${SELECT} where d.id = ? or d.credit_invoice_id = ?`,
      [id, id],
    );
    return row;
  }

  /** Deposits (in one status, made before `madeBefore`) oldest first by (created_at, id). */
  async pageForOps(
    em: EntityManager,
    filter: { status?: DepositStatus; madeBefore?: Date },
    after: KeysetPosition | undefined,
    limit: number,
  ) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      where.push('d.status = ?');
      params.push(filter.status);
    }
    if (filter.madeBefore) {
      where.push('d.created_at <= ?');
      params.push(filter.madeBefore);
    }
    if (after) {
      where.push('(d.created_at, d.id) > (?::timestamptz, ?::uuid)');
      params.push(after.createdAt, after.id);
    }
    params.push(limit);
    const rows = await em.execute<(DepositRow & { position_at: string })[]>(
      `select d.*, c.code as cost_code, c.name as cost_code_name,
         ${positionSql('d.created_at')} as position_at
       from deposit d join cost_code c on c.id = d.cost_code_id
       ${where.length ? `where ${where.join(' and ')}` : ''}
       order by d.created_at, d.id limit ?`,
      params,
    );
    return rows.map((row) => ({ ...row, position: { createdAt: row.position_at, id: row.id } }));
  }

  /** Pending deposits in id order, for the scheduler's sweep. */
  async pendingAfter(
    em: EntityManager,
    afterId: string | undefined,
    limit: number,
  ): Promise<DepositRow[]> {
    return em.execute<DepositRow[]>(
      afterId
        ? `${SELECT} where d.status = 'pending' and d.id > ? order by d.id limit ?`
        : `${SELECT} where d.status = 'pending' order by d.id limit ?`,
      afterId ? [afterId, limit] : [limit],
    );
  }
}
