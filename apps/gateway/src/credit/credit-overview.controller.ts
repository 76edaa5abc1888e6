import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import { GetCreditOverviewRpc } from '@glimmer/contracts/credit/overview.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentBrand, Roles } from '../auth/auth.decorators';
import { SIGNED_IN, VIA_SERVICE } from '../http/error-sets';
import { CreditOverviewDto } from './dto/credit-overview.dto';

@ApiTags('Credit')
@Roles('brand')
@Controller('v1/credit')
export class CreditOverviewController {
  constructor(private readonly rpc: RpcClient) {}

  /** Available and pending totals, and every cost code with its balances. */
  @Get()
  @ApiOkResponse({ type: CreditOverviewDto })
  @ApiErrors(...SIGNED_IN, ...VIA_SERVICE)
  overview(@CurrentBrand() actor: BrandActor): Promise<CreditOverviewDto> {
    return this.rpc.call(GetCreditOverviewRpc, { actor });
  }
}
