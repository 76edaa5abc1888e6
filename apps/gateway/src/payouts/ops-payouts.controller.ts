import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import {
  GetPayoutRpc,
  ListPayoutsForOpsRpc,
  RetryPayoutRpc,
} from '@glimmer/contracts/payout/payout.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UuidParam } from '../http/uuid-param';
import { OpsPayoutDto, OpsPayoutPageDto, PayoutDto, PayoutQueryDto } from './dto/payout.dto';

/** Ops: list payouts by status, find any payout with its attempts, send a flagged one again. */
@ApiTags('Operations')
@ApiBearerAuth()
@Roles('ops')
@Controller('v1/ops/payouts')
export class OpsPayoutsController {
  constructor(private readonly rpc: RpcClient) {}

  /** Newest first; `status=needs_attention` (or `failed`) is what needs a person. */
  @Get()
  @ApiOkResponse({ type: OpsPayoutPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: PayoutQueryDto): Promise<OpsPayoutPageDto> {
    return this.rpc.call(ListPayoutsForOpsRpc, { actor, ...query });
  }

  @Get(':id')
  @ApiOkResponse({ type: OpsPayoutDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Payout')) id: string,
  ): Promise<OpsPayoutDto> {
    return this.rpc.call(GetPayoutRpc, { actor, payoutId: id });
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: PayoutDto })
  @ApiConflictResponse({ description: 'the payout is not waiting for ops (needs_attention)' })
  retry(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Payout')) id: string,
  ): Promise<PayoutDto> {
    return this.rpc.call(RetryPayoutRpc, { actor, payoutId: id });
  }
}
