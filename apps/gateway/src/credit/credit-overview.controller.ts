import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import { GetCreditOverviewRpc } from '@glimmer/contracts/credit/overview.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentBrand, Roles } from '../auth/auth.decorators';
import { CreditOverviewDto } from './dto/credit-overview.dto';

@ApiTags('Credit')
@ApiBearerAuth()
@Roles('brand')
@Controller('v1/credit')
export class CreditOverviewController {
  constructor(private readonly rpc: RpcClient) {}

  /** Available and pending totals, and every cost code with its balances. */
  @Get()
  @ApiOkResponse({ type: CreditOverviewDto })
  overview(@CurrentBrand() actor: BrandActor): Promise<CreditOverviewDto> {
    return this.rpc.call(GetCreditOverviewRpc, { actor });
  }
}
