import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import { CreateTransferRpc } from '@glimmer/contracts/credit/transfer.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentBrand, Roles } from '../auth/auth.decorators';
import {
  RATE_LIMITED,
  IDEMPOTENCY_REQUIRED,
  JSON_BODY,
  SIGNED_IN_CHANGE,
  VIA_SERVICE,
} from '../http/error-sets';
import { requireExactlyOne } from '@glimmer/errors/exactly-one';
import { Idempotent, IdempotencyKey } from '../idempotency/idempotent.decorator';
import { CreateTransferDto, TransferDto } from './dto/transfer.dto';
import { RateLimit } from '../rate-limit/rate-limit.guard';

@ApiTags('Credit')
@Roles('brand')
@Controller('v1/credit/transfers')
export class TransfersController {
  constructor(private readonly rpc: RpcClient) {}

  /** Moves available credit between cost codes; pending credit never moves. */
  @RateLimit('write')
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: TransferDto })
  @ApiErrors(
    ...RATE_LIMITED,
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...IDEMPOTENCY_REQUIRED,
    'not_found',
    'same_cost_code',
    'duplicate_cost_code',
    'insufficient_available_credit',
    'currency_mismatch',
    ...VIA_SERVICE,
  )
  create(
    @CurrentBrand() actor: BrandActor,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: CreateTransferDto,
  ): Promise<TransferDto> {
    requireExactlyOne(body, 'toCostCodeId', 'toCostCode');
    return this.rpc.call(CreateTransferRpc, { actor, idempotencyKey, ...body });
  }
}
