import { Injectable } from '@nestjs/common';
import { IsolationLevel } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import type {
  CreditOverview,
  CreditOverviewQuery,
} from '@glimmer/contracts/credit/overview.messages';
import { pageSize } from '@glimmer/database/page-cursor';
import { sumAmounts } from '@glimmer/money/money';
import { CostCodeRepository, toCostCodeView } from '../cost-codes/cost-code.repository';
import { encodeCodeCursor, parseCodeCursor } from './code-cursor';
import { CreditTotalsRepository } from './credit-totals.repository';

/**
 * The brand's credit page: totals and its cost codes with their balances (a read only). Whole,
 * as the public contract has it, or a page at a time (`limit` or `cursor`): then the totals come
 * from the ledger's counterpart accounts, so neither part reads every code.
 */
@Injectable()
export class OverviewQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly costCodes: CostCodeRepository,
    private readonly totals: CreditTotalsRepository,
  ) {}

  get(actor: Actor, query: CreditOverviewQuery = {}): Promise<CreditOverview> {
    return query.limit !== undefined || query.cursor !== undefined
      ? this.page(actor, query)
      : this.whole(actor, query);
  }

  private async whole(actor: Actor, query: CreditOverviewQuery): Promise<CreditOverview> {
    const brand = requireBrand(actor);
    // One statement, so the totals and the rows come from the same snapshot.
    const all = await this.costCodes.all(this.orm.em.fork(), brand.brandId);
    const costCodes = all.map(toCostCodeView);
    return {
      currency: brand.currency,
      available: sumAmounts(costCodes.map((c) => c.available)),
      pending: sumAmounts(costCodes.map((c) => c.pending)),
      costCodes: query.withCredit
        ? costCodes.filter((c) => c.available > 0 || c.pending > 0)
        : costCodes,
    };
  }

  private async page(actor: Actor, query: CreditOverviewQuery): Promise<CreditOverview> {
    const brand = requireBrand(actor);
    const afterCode = parseCodeCursor(query.cursor);
    const limit = pageSize(query.limit);
    // Two statements in one snapshot: the totals agree with the page's balances.
    return this.orm.em.fork().transactional(
      async (em) => {
        const totals = await this.totals.of(em, brand.brandId, brand.currency);
        const rows = await this.costCodes.pageByCode(em, brand.brandId, {
          afterCode,
          limit: limit + 1,
          withCredit: query.withCredit,
        });
        const shown = rows.slice(0, limit);
        return {
          currency: brand.currency,
          ...totals,
          costCodes: shown.map(toCostCodeView),
          nextCursor: rows.length > limit ? encodeCodeCursor(shown[shown.length - 1].code) : null,
        };
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
    );
  }
}
