import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import {
  AddPayoutMethodRpc,
  ListAvailablePayoutMethodsRpc,
  ListPayoutMethodsRpc,
  SetPreferredPayoutMethodRpc,
} from '@glimmer/contracts/payout/payout-method.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PasswordConfirmationDto, RequiresPassword } from '../auth/password-confirmation';
import {
  IDEMPOTENT,
  JSON_BODY,
  PASSWORD_CONFIRMED,
  SIGNED_IN,
  SIGNED_IN_CHANGE,
  VIA_SERVICE,
} from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { Idempotent, type IdempotentRequest } from '../idempotency/idempotent.decorator';
import {
  AddPayoutMethodDto,
  AvailablePayoutMethodsDto,
  CountryQueryDto,
  PayoutMethodDto,
  PayoutMethodListDto,
} from './dto/payout.dto';

/** How a creator gets paid: the per-country catalogue and their own methods. */
@ApiTags('Payouts')
@Controller('v1')
export class PayoutMethodsController {
  constructor(private readonly rpc: RpcClient) {}

  /** Which methods a creator living in `country` can add, and the fields each needs. */
  @Get('payout-methods/available')
  @Roles('creator', 'brand', 'ops')
  @ApiOkResponse({ type: AvailablePayoutMethodsDto })
  @ApiErrors('unauthenticated', 'token_expired', 'validation_failed', ...VIA_SERVICE)
  available(@Query() query: CountryQueryDto): Promise<AvailablePayoutMethodsDto> {
    return this.rpc.call(ListAvailablePayoutMethodsRpc, { country: query.country });
  }

  /**
   * Adds a method (the first one becomes preferred); payouts waiting for a method are scheduled.
   * Where the money goes: the body's `password` must be the account's current one, and the
   * creator is emailed about the change.
   */
  @Post('me/payout-methods')
  @Roles('creator')
  @RequiresPassword()
  @Idempotent({ required: false })
  @ApiCreatedResponse({ type: PayoutMethodDto })
  // validation_failed also when the details do not fit the method or the country.
  @ApiErrors(
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...PASSWORD_CONFIRMED,
    ...IDEMPOTENT,
    ...VIA_SERVICE,
  )
  add(
    @CurrentActor() actor: Actor,
    @Req() req: IdempotentRequest,
    @Body() body: AddPayoutMethodDto,
  ): Promise<PayoutMethodDto> {
    const { type, country, details } = body; // never the password
    return this.rpc.call(AddPayoutMethodRpc, {
      actor,
      idempotencyKey: req.idempotencyKey,
      type,
      country,
      details,
    });
  }

  @Get('me/payout-methods')
  @Roles('creator')
  @ApiOkResponse({ type: PayoutMethodListDto })
  @ApiErrors(...SIGNED_IN, ...VIA_SERVICE)
  list(@CurrentActor() actor: Actor): Promise<PayoutMethodListDto> {
    return this.rpc.call(ListPayoutMethodsRpc, { actor });
  }

  /** Makes a method the one payouts go to: the body's `password` confirms it; the creator is emailed. */
  @Post('me/payout-methods/:id/preferred')
  @Roles('creator')
  @RequiresPassword()
  @HttpCode(200)
  @ApiOkResponse({ type: PayoutMethodDto })
  @ApiErrors(...SIGNED_IN_CHANGE, ...JSON_BODY, ...PASSWORD_CONFIRMED, 'not_found', ...VIA_SERVICE)
  prefer(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Payout method')) id: string,
    // Read by @RequiresPassword(); declared so it is validated and documented.
    @Body() _confirmation: PasswordConfirmationDto,
  ): Promise<PayoutMethodDto> {
    return this.rpc.call(SetPreferredPayoutMethodRpc, { actor, methodId: id });
  }
}
