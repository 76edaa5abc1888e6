import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import { GetPayoutRpc, RetryPayoutRpc } from '@glimmer/contracts/payout/payout.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { SIGNED_IN, SIGNED_IN_CHANGE, VIA_SERVICE } from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { PayoutDto } from './dto/payout.dto';

/** Ops: find any payout, and send a flagged (needs_attention) one again. */
@ApiTags('Operations')
@Roles('ops')
@Controller('v1/ops/payouts')
export class OpsPayoutsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id')
  @ApiOkResponse({ type: PayoutDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Payout')) id: string,
  ): Promise<PayoutDto> {
    return this.rpc.call(GetPayoutRpc, { actor, payoutId: id });
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: PayoutDto })
  @ApiErrors(...SIGNED_IN_CHANGE, 'not_found', 'payout_not_retryable', ...VIA_SERVICE)
  retry(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Payout')) id: string,
  ): Promise<PayoutDto> {
    return this.rpc.call(RetryPayoutRpc, { actor, payoutId: id });
  }
}
