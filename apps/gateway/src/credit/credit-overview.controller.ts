import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import { GetCreditOverviewRpc } from '@glimmer/contracts/credit/overview.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentBrand, Roles } from '../auth/auth.decorators';
import { SIGNED_IN, VIA_SERVICE } from '../http/error-sets';
import { CreditOverviewDto, CreditOverviewQueryDto } from './dto/credit-overview.dto';

@ApiTags('Credit')
@Roles('brand')
@Controller('v1/credit')
export class CreditOverviewController {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * Available and pending totals, and every cost code with its balances — or, with `limit` or
   * `cursor`, one page of them by code (what the Credits page asks for, so a brand with many
   * codes is not read whole); `withCredit=true` keeps the codes that carry credit.
   */
  @Get()
  @ApiOkResponse({ type: CreditOverviewDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  overview(
    @CurrentBrand() actor: BrandActor,
    @Query() query: CreditOverviewQueryDto,
  ): Promise<CreditOverviewDto> {
    return this.rpc.call(GetCreditOverviewRpc, { actor, ...query });
  }
}
