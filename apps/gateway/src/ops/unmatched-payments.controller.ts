import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import {
  ListUnmatchedPaymentsRpc,
  ResolveUnmatchedPaymentRpc,
} from '@glimmer/contracts/credit/payment-notice.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import {
  IDEMPOTENT,
  JSON_BODY,
  SIGNED_IN,
  SIGNED_IN_CHANGE,
  VIA_SERVICE,
} from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import {
  ResolveUnmatchedPaymentDto,
  UnmatchedPaymentDto,
  UnmatchedPaymentPageDto,
  UnmatchedPaymentQueryDto,
} from './dto/unmatched-payment.dto';

/** Ops: money the payment provider reported that cleared no deposit, to refund or re-open. */
@ApiTags('Operations')
@Roles('ops')
@Controller('v1/ops/unmatched-payments')
export class UnmatchedPaymentsController {
  constructor(private readonly rpc: RpcClient) {}

  /** Oldest first: the payment waiting longest for a person comes first. Open ones by default. */
  @Get()
  @ApiOkResponse({ type: UnmatchedPaymentPageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: UnmatchedPaymentQueryDto,
  ): Promise<UnmatchedPaymentPageDto> {
    return this.rpc.call(ListUnmatchedPaymentsRpc, { actor, ...query });
  }

  /**
   * Records what ops did with the money (refunded at the provider, credited by hand, or reversed
   * by the provider), who and when; the payment leaves the open list. It moves no money: refunds
   * happen at the payment provider. Once only: another resolution is 409
   * `payment_already_resolved`; the same one again (a retry) answers the row.
   */
  @Post(':id/resolve')
  @HttpCode(200)
  @Idempotent({ required: false })
  @ApiOkResponse({ type: UnmatchedPaymentDto })
  @ApiErrors(
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...IDEMPOTENT,
    'not_found',
    'payment_already_resolved',
    ...VIA_SERVICE,
  )
  resolve(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Unmatched payment')) id: string,
    @Body() body: ResolveUnmatchedPaymentDto,
  ): Promise<UnmatchedPaymentDto> {
    return this.rpc.call(ResolveUnmatchedPaymentRpc, {
      actor,
      paymentNoticeId: id,
      resolution: body.resolution,
      note: body.note,
    });
  }
}
