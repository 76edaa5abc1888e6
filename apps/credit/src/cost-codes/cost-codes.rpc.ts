import { Controller } from '@nestjs/common';
import {
  CostCodeView,
  CreateCostCodeRequest,
  CreateCostCodeRpc,
  GetCostCodeRequest,
  GetCostCodeRpc,
  ListCostCodesRequest,
  ListCostCodesRpc,
} from '@glimmer/contracts/credit/cost-code.messages';
import type { Page } from '@glimmer/contracts/page';
import { CostCodeQueries } from './cost-code.queries';
import { CreateCostCode } from './create-cost-code.use-case';
import { OnRpc } from '@glimmer/messaging/handlers';

@Controller()
export class CostCodesRpc {
  constructor(
    private readonly createCostCode: CreateCostCode,
    private readonly costCodes: CostCodeQueries,
  ) {}

  @OnRpc(CreateCostCodeRpc)
  create(req: CreateCostCodeRequest): Promise<CostCodeView> {
    return this.createCostCode.execute({
      actor: req.actor,
      costCode: { code: req.code, name: req.name },
    });
  }

  @OnRpc(GetCostCodeRpc)
  get(req: GetCostCodeRequest): Promise<CostCodeView> {
    return this.costCodes.get(req.actor, req.costCodeId);
  }

  @OnRpc(ListCostCodesRpc)
  list(req: ListCostCodesRequest): Promise<Page<CostCodeView>> {
    return this.costCodes.list(req.actor, req);
  }
}
