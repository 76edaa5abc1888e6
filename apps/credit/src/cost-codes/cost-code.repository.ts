import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { CostCodeView, NewCostCode } from '@glimmer/contracts/credit/cost-code.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { toAmount, toIso } from '@glimmer/database/sql';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { LedgerService } from '../ledger/ledger.service';

/** A cost code with its ledger accounts, as the use cases need it. */
export interface CostCodeRecord extends CostCodeView {
  brandId: string;
  availableAccountId: string;
  pendingAccountId: string;
  /** created_at to the microsecond: a keyset cursor built from the millisecond ISO would skip rows. */
  position: KeysetPosition;
}

interface CostCodeRow {
  id: string;
  brand_id: string;
  code: string;
  name: string;
  currency: string;
  created_at: string | Date;
  position_at: string;
  available_account_id: string;
  available: string;
  pending_account_id: string;
  pending: string;
}

const SELECT = `select c.id, c.brand_id, c.code, c.name, c.currency, c.created_at,
    to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position_at,
    a.id as available_account_id, a.balance as available, p.id as pending_account_id, p.balance as pending
  from cost_code c
  join ledger_account a on a.cost_code_id = c.id and a.kind = 'available'
  join ledger_account p on p.cost_code_id = c.id and p.kind = 'pending'`;

function toRecord(row: CostCodeRow): CostCodeRecord {
  return {
    id: row.id,
    brandId: row.brand_id,
    code: row.code,
    name: row.name,
    currency: row.currency,
    available: toAmount(row.available),
    pending: toAmount(row.pending),
    createdAt: toIso(row.created_at)!,
    availableAccountId: row.available_account_id,
    pendingAccountId: row.pending_account_id,
    position: { createdAt: row.position_at, id: row.id },
  };
}

export function toCostCodeView(record: CostCodeRecord): CostCodeView {
  const { id, code, name, currency, available, pending, createdAt } = record;
  return { id, code, name, currency, available, pending, createdAt };
}

/** SQL for cost codes; every read is scoped by brand so another brand's id is simply not found. */
@Injectable()
export class CostCodeRepository {
  constructor(private readonly ledger: LedgerService) {}

  /** Creates the code and its two accounts in the caller's transaction. */
  async create(
    em: EntityManager,
    brandId: string,
    currency: string,
    input: NewCostCode,
  ): Promise<CostCodeRecord> {
    // "do nothing" instead of catching the unique violation: the transaction stays usable.
    const inserted = await em.execute<{ id: string }[]>(
      `insert into cost_code (id, brand_id, code, name, currency) values (?, ?, ?, ?, ?)
       on conflict do nothing returning id`,
      [randomUUID(), brandId, input.code, input.name, currency],
    );
    if (inserted.length === 0) {
      throw new DomainError('duplicate_cost_code', `cost code "${input.code}" already exists`, {
        meta: { code: input.code },
      });
    }
    await this.ledger.openCostCodeAccounts(em, { brandId, costCodeId: inserted[0].id, currency });
    return this.get(em, brandId, inserted[0].id);
  }

  async get(em: EntityManager, brandId: string, id: string): Promise<CostCodeRecord> {
    const [row] = await em.execute<CostCodeRow[]>(`${SELECT} where c.brand_id = ? and c.id = ?`, [
      brandId,
      id,
    ]);
    if (!row) throw notFound('cost code');
    return toRecord(row);
  }

  /** A page in creation order, after `after` (exclusive). */
  async page(em: EntityManager, brandId: string, after: KeysetPosition | undefined, limit: number) {
    const rows = after
      ? await em.execute<CostCodeRow[]>(
          `${SELECT} where c.brand_id = ? and (c.created_at, c.id) > (?::timestamptz, ?::uuid)
           order by c.created_at, c.id limit ?`,
          [brandId, after.createdAt, after.id, limit],
        )
      : await em.execute<CostCodeRow[]>(
          `${SELECT} where c.brand_id = ? order by c.created_at, c.id limit ?`,
          [brandId, limit],
        );
    return rows.map(toRecord);
  }

  /** Every cost code of the brand, ordered by code as finance teams scan them. */
  async all(em: EntityManager, brandId: string): Promise<CostCodeRecord[]> {
    const rows = await em.execute<CostCodeRow[]>(
      `${SELECT} where c.brand_id = ? order by lower(c.code), c.id`,
      [brandId],
    );
    return rows.map(toRecord);
  }
}
