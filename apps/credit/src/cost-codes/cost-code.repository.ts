import { Injectable } from '@nestjs/common';
import { QueryFlag, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { CostCodeView, NewCostCode } from '@glimmer/contracts/credit/cost-code.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { toAmount, toIso } from '@glimmer/database/sql';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { LedgerService } from '../ledger/ledger.service';
import { CostCode } from './cost-code.entity';
import { pastPosition } from '@glimmer/database/page-cursor';

/** A cost code with its balances loaded (`available`, `pending`), as the views show it. */
export type CostCodeWithBalances = CostCode & { available: number; pending: number };

export function toCostCodeView(c: CostCodeWithBalances): CostCodeView {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    currency: c.currency.trim(),
    available: c.available,
    pending: c.pending,
    createdAt: toIso(c.createdAt)!,
  };
}

const BALANCES = ['available', 'pending'] as const;

/** A balance as node-postgres returns a bigint: a string. */
type Balance = string | number;

/** Cost codes; every read is scoped by brand so another brand's id is simply not found. */
@Injectable()
export class CostCodeRepository {
  constructor(private readonly ledger: LedgerService) {}

  /** Creates the code and its two accounts (at zero) in the caller's transaction. */
  async create(
    em: EntityManager,
    brandId: string,
    currency: string,
    input: NewCostCode,
  ): Promise<CostCodeWithBalances> {
    const fields = { id: randomUUID(), brandId, code: input.code, name: input.name, currency };
    // "on conflict do nothing" instead of catching the unique violation (on brand and lower(code)):
    // the caller's transaction stays usable.
    const inserted = await em
      .createQueryBuilder(CostCode)
      .insert(fields)
      .onConflict()
      .ignore()
      .returning(['createdAt'])
      .execute('all');
    if (inserted.length === 0) {
      throw new DomainError('duplicate_cost_code', `cost code "${input.code}" already exists`, {
        meta: { code: input.code },
      });
    }
    const accounts = await this.ledger.openCostCodeAccounts(em, {
      brandId,
      costCodeId: fields.id,
      currency,
    });
    return Object.assign(new CostCode(), fields, accounts, {
      createdAt: new Date(inserted[0].createdAt),
      available: 0,
      pending: 0,
    });
  }

  /** One of the brand's codes with its account ids (what a posting needs), or 404. */
  async get(em: EntityManager, brandId: string, id: string): Promise<CostCode> {
    const costCode = await this.find(em, brandId, id);
    if (!costCode) throw notFound('cost code');
    return costCode;
  }

  /** One of the brand's codes with its account ids, or null. */
  find(em: EntityManager, brandId: string, id: string): Promise<CostCode | null> {
    return em.findOne(CostCode, { id, brandId });
  }

  /** Several of the brand's codes in one select, by id; any missing one is a 404. */
  async getMany(em: EntityManager, brandId: string, ids: string[]): Promise<Map<string, CostCode>> {
    // Read-only here (postings change balances through the ledger): kept out of the identity
    // map, so the commit's flush has nothing to compare on the transfer path.
    const found = await em.find(
      CostCode,
      { id: { $in: ids }, brandId },
      { disableIdentityMap: true },
    );
    const byId = new Map(found.map((c) => [c.id, c]));
    if (ids.some((id) => !byId.has(id))) throw notFound('cost code');
    return byId;
  }

  /**
   * Codes by id whatever their brand, with their account ids: for platform work (clearing) on
   * rows that already name their code; read-only, like getMany.
   */
  async byIds(em: EntityManager, ids: readonly string[]): Promise<Map<string, CostCode>> {
    const found = await em.find(CostCode, { id: { $in: [...ids] } }, { disableIdentityMap: true });
    return new Map(found.map((c) => [c.id, c]));
  }

  /** One of the brand's codes with its balances, or 404. */
  async getWithBalances(
    em: EntityManager,
    brandId: string,
    id: string,
  ): Promise<CostCodeWithBalances> {
    const costCode = await em.findOne(CostCode, { id, brandId }, { populate: BALANCES });
    if (!costCode) throw notFound('cost code');
    return costCode as CostCodeWithBalances;
  }

  /** A page with balances in creation order, after `after` (exclusive). */
  async page(
    em: EntityManager,
    brandId: string,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<{ costCode: CostCodeWithBalances; position: KeysetPosition }[]> {
    const qb = em
      .createQueryBuilder(CostCode, 'c')
      .select('*')
      .where({ brandId })
      .orderBy({ createdAt: 'asc', id: 'asc' })
      .limit(limit)
      .setFlag(QueryFlag.INCLUDE_LAZY_FORMULAS);
    // The keyset walks the (brand_id, created_at, id) index.
    pastPosition(qb, { at: 'c.created_at', id: 'c.id' }, after);
    const rows = (await qb.getResultList()) as CostCodeWithBalances[];
    return rows.map((costCode) => ({
      costCode,
      position: { createdAt: costCode.cursorAt!, id: costCode.id },
    }));
  }

  /**
   * A page of the brand's codes with balances, by code (the unique (brand_id, lower(code))
   * index walks it), after `afterCode`; `withCredit`: only codes carrying credit, found through
   * `ledger_account_with_credit_idx` (migration 20270601000000) so the brand's other codes are
   * not read. Balances through the entity's formulas: a few index probes a code, on one page.
   */
  async pageByCode(
    em: EntityManager,
    brandId: string,
    options: { afterCode?: string; limit: number; withCredit?: boolean },
  ): Promise<CostCodeWithBalances[]> {
    const qb = em
      .createQueryBuilder(CostCode, 'c')
      .select('*')
      .where({ brandId })
      .orderBy({ [raw('lower(c.code)')]: 'asc' })
      .limit(options.limit)
      .setFlag(QueryFlag.INCLUDE_LAZY_FORMULAS);
    if (options.afterCode !== undefined) qb.andWhere('lower(c.code) > ?', [options.afterCode]);
    if (options.withCredit) {
      qb.andWhere(
        `c.id in (select w.cost_code_id from ledger_account w
                   where w.brand_id = ? and w.cost_code_id is not null and w.balance > 0)`,
        [brandId],
      );
    }
    return (await qb.getResultList()) as CostCodeWithBalances[];
  }

  /**
   * Every code of the brand with balances, ordered by code as finance teams scan them. SQL on
   * purpose: the two accounts joined (the formulas' correlated subqueries cost four index probes
   * a code — 1.2–1.4 s at 100,000 codes against 0.3 s joined), one statement so the totals
   * summed from it come from one snapshot.
   */
  async all(em: EntityManager, brandId: string): Promise<CostCodeWithBalances[]> {
    const rows = await em.execute<Record<string, unknown>[]>(
      `select c.*, a.id as available_account_id, a.balance as available,
              p.id as pending_account_id, p.balance as pending
         from cost_code c
         join ledger_account a on a.cost_code_id = c.id and a.kind = 'available'
         join ledger_account p on p.cost_code_id = c.id and p.kind = 'pending'
        where c.brand_id = ?
        order by lower(c.code), c.id`,
      [brandId],
    );
    return rows.map((row) =>
      Object.assign(em.map(CostCode, row), {
        available: toAmount(row.available as Balance),
        pending: toAmount(row.pending as Balance),
      }),
    );
  }
}
