import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import {
  CreateCostCodeRpc,
  GetCostCodeRpc,
  ListCostCodesRpc,
} from '@glimmer/contracts/credit/cost-code.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentBrand, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CostCodeDto, CostCodePageDto, NewCostCodeDto, PageQueryDto } from './dto/cost-code.dto';

@ApiTags('Credit')
@ApiBearerAuth()
@Roles('brand')
@Controller('v1/cost-codes')
export class CostCodesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Idempotent({ required: false })
  @ApiCreatedResponse({ type: CostCodeDto })
  create(@CurrentBrand() actor: BrandActor, @Body() body: NewCostCodeDto): Promise<CostCodeDto> {
    return this.rpc.call(CreateCostCodeRpc, { actor, code: body.code, name: body.name });
  }

  @Get()
  @ApiOkResponse({ type: CostCodePageDto })
  list(@CurrentBrand() actor: BrandActor, @Query() query: PageQueryDto): Promise<CostCodePageDto> {
    return this.rpc.call(ListCostCodesRpc, { actor, limit: query.limit, cursor: query.cursor });
  }

  @Get(':id')
  @ApiOkResponse({ type: CostCodeDto })
  get(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Cost code')) id: string,
  ): Promise<CostCodeDto> {
    return this.rpc.call(GetCostCodeRpc, { actor, costCodeId: id });
  }
}
