import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import { CreateDepositRpc, GetDepositRpc } from '@glimmer/contracts/credit/deposit.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentBrand, Roles } from '../auth/auth.decorators';
import {
  RATE_LIMITED,
  IDEMPOTENCY_REQUIRED,
  JSON_BODY,
  SIGNED_IN,
  SIGNED_IN_CHANGE,
  VIA_SERVICE,
} from '../http/error-sets';
import { requireExactlyOne } from '@glimmer/errors/exactly-one';
import { UuidParam } from '../http/uuid-param';
import { Idempotent, IdempotencyKey } from '../idempotency/idempotent.decorator';
import { CreateDepositDto, DepositDto } from './dto/deposit.dto';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { RequireVerifiedEmail } from '../accounts/verified-email.guard';

@ApiTags('Credit')
@Roles('brand')
@Controller('v1/credit/deposits')
export class DepositsController {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * Adds credit: the deposit is pending and a credit invoice goes to the finance contact. Only
   * once the member's email is verified (403 email_not_verified), and with at most
   * CREDIT_MAX_UNPAID_DEPOSITS unpaid ones per brand (409 pending_deposit_limit_reached).
   */
  @RequireVerifiedEmail()
  @RateLimit('write')
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: DepositDto })
  @ApiErrors(
    ...RATE_LIMITED,
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...IDEMPOTENCY_REQUIRED,
    'email_not_verified',
    'not_found',
    'duplicate_cost_code',
    'currency_mismatch',
    'pending_deposit_limit_reached',
    ...VIA_SERVICE,
  )
  create(
    @CurrentBrand() actor: BrandActor,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: CreateDepositDto,
  ): Promise<DepositDto> {
    requireExactlyOne(body, 'costCodeId', 'costCode');
    return this.rpc.call(CreateDepositRpc, { actor, idempotencyKey, ...body });
  }

  @Get(':id')
  @ApiOkResponse({ type: DepositDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  get(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Deposit')) id: string,
  ): Promise<DepositDto> {
    return this.rpc.call(GetDepositRpc, { actor, depositId: id });
  }
}
