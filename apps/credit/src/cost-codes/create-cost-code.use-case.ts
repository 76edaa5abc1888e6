import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import type { CostCodeView, NewCostCode } from '@glimmer/contracts/credit/cost-code.messages';
import { CostCodeRepository, toCostCodeView } from './cost-code.repository';

export interface CreateCostCodeCommand {
  actor: Actor;
  costCode: NewCostCode;
}

/** A brand member opens a cost code: the code and its two ledger accounts, at zero. */
@Injectable()
export class CreateCostCode {
  constructor(
    private readonly orm: MikroORM,
    private readonly costCodes: CostCodeRepository,
  ) {}

  async execute({ actor, costCode }: CreateCostCodeCommand): Promise<CostCodeView> {
    const brand = requireBrand(actor);
    const created = await this.orm.em
      .fork()
      .transactional((em) => this.costCodes.create(em, brand.brandId, brand.currency, costCode));
    return toCostCodeView(created);
  }
}
