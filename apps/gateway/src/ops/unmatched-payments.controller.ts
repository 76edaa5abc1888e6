import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import { ListUnmatchedPaymentsRpc } from '@glimmer/contracts/credit/payment-notice.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PageQueryDto } from '../credit/dto/cost-code.dto';
import { SIGNED_IN, VIA_SERVICE } from '../http/error-sets';
import { UnmatchedPaymentPageDto } from './dto/unmatched-payment.dto';

/** Ops: money the payment provider reported that cleared no deposit, to refund or re-open. */
@ApiTags('Operations')
@Roles('ops')
@Controller('v1/ops/unmatched-payments')
export class UnmatchedPaymentsController {
  constructor(private readonly rpc: RpcClient) {}

  /** Oldest first: the payment waiting longest for a person comes first. */
  @Get()
  @ApiOkResponse({ type: UnmatchedPaymentPageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: PageQueryDto,
  ): Promise<UnmatchedPaymentPageDto> {
    return this.rpc.call(ListUnmatchedPaymentsRpc, { actor, ...query });
  }
}
