import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import type { CostCodeView } from '@glimmer/contracts/credit/cost-code.messages';
import type { Page, PageQuery } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { CostCodeRepository, toCostCodeView } from './cost-code.repository';

/** The reads of a brand's cost codes (one class for the aggregate's read side: no writes). */
@Injectable()
export class CostCodeQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly costCodes: CostCodeRepository,
  ) {}

  async get(actor: Actor, costCodeId: string): Promise<CostCodeView> {
    const brand = requireBrand(actor);
    const em = this.orm.em.fork();
    return toCostCodeView(await this.costCodes.getWithBalances(em, brand.brandId, costCodeId));
  }

  list(actor: Actor, query: PageQuery): Promise<Page<CostCodeView>> {
    const brand = requireBrand(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      query,
      (after, limit) => this.costCodes.page(em, brand.brandId, after, limit),
      (row) => toCostCodeView(row.costCode),
    );
  }
}
