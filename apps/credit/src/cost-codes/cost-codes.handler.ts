import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
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

@Controller()
export class CostCodesHandler {
  constructor(
    private readonly createCostCode: CreateCostCode,
    private readonly costCodes: CostCodeQueries,
  ) {}

  @MessagePattern(CreateCostCodeRpc.pattern)
  create(@Payload() req: CreateCostCodeRequest): Promise<CostCodeView> {
    return this.createCostCode.execute({
      actor: req.actor,
      costCode: { code: req.code, name: req.name },
    });
  }

  @MessagePattern(GetCostCodeRpc.pattern)
  get(@Payload() req: GetCostCodeRequest): Promise<CostCodeView> {
    return this.costCodes.get(req.actor, req.costCodeId);
  }

  @MessagePattern(ListCostCodesRpc.pattern)
  list(@Payload() req: ListCostCodesRequest): Promise<Page<CostCodeView>> {
    return this.costCodes.list(req.actor, req);
  }
}
