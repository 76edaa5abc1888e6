import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import {
  AddPayoutMethodRpc,
  ListAvailablePayoutMethodsRpc,
  ListPayoutMethodsRpc,
  SetPreferredPayoutMethodRpc,
} from '@glimmer/contracts/payout/payout-method.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
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
@ApiBearerAuth()
@Controller('v1')
export class PayoutMethodsController {
  constructor(private readonly rpc: RpcClient) {}

  /** Which methods a creator living in `country` can add, and the fields each needs. */
  @Get('payout-methods/available')
  @Roles('creator', 'brand', 'ops')
  @ApiOkResponse({ type: AvailablePayoutMethodsDto })
  available(@Query() query: CountryQueryDto): Promise<AvailablePayoutMethodsDto> {
    return this.rpc.call(ListAvailablePayoutMethodsRpc, { country: query.country });
  }

  /** Adds a method (the first one becomes preferred); payouts waiting for a method are scheduled. */
  @Post('me/payout-methods')
  @Roles('creator')
  @Idempotent({ required: false })
  @ApiCreatedResponse({ type: PayoutMethodDto })
  @ApiBadRequestResponse({ description: 'details invalid for the method or the country' })
  add(
    @CurrentActor() actor: Actor,
    @Req() req: IdempotentRequest,
    @Body() body: AddPayoutMethodDto,
  ): Promise<PayoutMethodDto> {
    return this.rpc.call(AddPayoutMethodRpc, {
      actor,
      idempotencyKey: req.idempotencyKey,
      ...body,
    });
  }

  @Get('me/payout-methods')
  @Roles('creator')
  @ApiOkResponse({ type: PayoutMethodListDto })
  list(@CurrentActor() actor: Actor): Promise<PayoutMethodListDto> {
    return this.rpc.call(ListPayoutMethodsRpc, { actor });
  }

  @Post('me/payout-methods/:id/preferred')
  @Roles('creator')
  @HttpCode(200)
  @ApiOkResponse({ type: PayoutMethodDto })
  prefer(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Payout method')) id: string,
  ): Promise<PayoutMethodDto> {
    return this.rpc.call(SetPreferredPayoutMethodRpc, { actor, methodId: id });
  }
}
