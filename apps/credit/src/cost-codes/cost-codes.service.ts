import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@glimmer/contracts/actor';
import type { CostCodeView, NewCostCode } from '@glimmer/contracts/credit/cost-code.messages';
import { encodeCursor, Page, PageQuery } from '@glimmer/contracts/page';
import { requireBrand } from '@glimmer/contracts/actor';
import { pageSize, parseCursor } from '@glimmer/database/page-cursor';
import { CostCodeRepository, toCostCodeView } from './cost-code.repository';

/** Cost code use cases a brand member calls directly. */
@Injectable()
export class CostCodesService {
  constructor(
    private readonly orm: MikroORM,
    private readonly costCodes: CostCodeRepository,
  ) {}

  async create(actor: Actor, input: NewCostCode): Promise<CostCodeView> {
    const brand = requireBrand(actor);
    const record = await this.orm.em
      .fork()
      .transactional((em) => this.costCodes.create(em, brand.brandId, brand.currency, input));
    return toCostCodeView(record);
  }

  async get(actor: Actor, costCodeId: string): Promise<CostCodeView> {
    const brand = requireBrand(actor);
    return toCostCodeView(await this.costCodes.get(this.orm.em.fork(), brand.brandId, costCodeId));
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<CostCodeView>> {
    const brand = requireBrand(actor);
    const after = parseCursor(query.cursor);
    const limit = pageSize(query.limit);
    // One extra row tells whether another page exists without a count query.
    const rows = await this.costCodes.page(this.orm.em.fork(), brand.brandId, after, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      data: shown.map(toCostCodeView),
      nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null,
    };
  }
}
