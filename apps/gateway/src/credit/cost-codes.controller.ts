import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import {
  CreateCostCodeRpc,
  GetCostCodeRpc,
  ListCostCodesRpc,
  NewCostCode,
} from '@glimmer/contracts/credit/cost-code.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentBrand, Roles } from '../auth/auth.decorators';
import {
  IDEMPOTENT,
  JSON_BODY,
  SIGNED_IN,
  SIGNED_IN_CHANGE,
  VIA_SERVICE,
} from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CostCodeDto, CostCodePageDto, PageQueryDto } from './dto/cost-code.dto';

@ApiTags('Credit')
@Roles('brand')
@Controller('v1/cost-codes')
export class CostCodesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Idempotent({ required: false })
  @ApiCreatedResponse({ type: CostCodeDto })
  @ApiErrors(
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...IDEMPOTENT,
    'duplicate_cost_code',
    ...VIA_SERVICE,
  )
  create(@CurrentBrand() actor: BrandActor, @Body() body: NewCostCode): Promise<CostCodeDto> {
    return this.rpc.call(CreateCostCodeRpc, { actor, code: body.code, name: body.name });
  }

  @Get()
  @ApiOkResponse({ type: CostCodePageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  list(@CurrentBrand() actor: BrandActor, @Query() query: PageQueryDto): Promise<CostCodePageDto> {
    return this.rpc.call(ListCostCodesRpc, { actor, limit: query.limit, cursor: query.cursor });
  }

  @Get(':id')
  @ApiOkResponse({ type: CostCodeDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  get(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Cost code')) id: string,
  ): Promise<CostCodeDto> {
    return this.rpc.call(GetCostCodeRpc, { actor, costCodeId: id });
  }
}
