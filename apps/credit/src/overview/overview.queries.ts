import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import type { CreditOverview } from '@glimmer/contracts/credit/overview.messages';
import { sumAmounts } from '@glimmer/money/money';
import { CostCodeRepository, toCostCodeView } from '../cost-codes/cost-code.repository';

/** The brand's credit page: totals and every cost code with its balances (a read only). */
@Injectable()
export class OverviewQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly costCodes: CostCodeRepository,
  ) {}

  async get(actor: Actor): Promise<CreditOverview> {
    const brand = requireBrand(actor);
    // One statement, so the totals and the rows come from the same snapshot.
    const costCodes = (await this.costCodes.all(this.orm.em.fork(), brand.brandId)).map(
      toCostCodeView,
    );
    return {
      currency: brand.currency,
      available: sumAmounts(costCodes.map((c) => c.available)),
      pending: sumAmounts(costCodes.map((c) => c.pending)),
      costCodes,
    };
  }
}
