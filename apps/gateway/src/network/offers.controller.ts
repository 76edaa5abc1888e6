import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor, BrandActor } from '@glimmer/contracts/actor';
import { GetCostCodeRpc } from '@glimmer/contracts/credit/cost-code.messages';
import {
  AcceptOfferRpc,
  CreateOfferRpc,
  DeclineOfferRpc,
  GetOfferRpc,
  ListOffersRpc,
  WithdrawOfferRpc,
} from '@glimmer/contracts/network/offer.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, CurrentBrand, Roles } from '../auth/auth.decorators';
import { PageQueryDto } from '../credit/dto/cost-code.dto';
import {
  RATE_LIMITED,
  IDEMPOTENCY_REQUIRED,
  IDEMPOTENT,
  JSON_BODY,
  SIGNED_IN,
  SIGNED_IN_CHANGE,
  VIA_SERVICE,
} from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { Idempotent, IdempotencyKey } from '../idempotency/idempotent.decorator';
import {
  AcceptedOfferDto,
  AcceptOfferDto,
  CreateOfferDto,
  OfferDetailDto,
  OfferDto,
  OfferPageDto,
} from './dto/offer.dto';
import { RateLimit } from '../rate-limit/rate-limit.guard';

@ApiTags('Network')
@Controller('v1/offers')
export class OffersController {
  constructor(private readonly rpc: RpcClient) {}

  /** Hire an in-network creator. The cost code must be the brand's (credit answers 404 otherwise). */
  @RateLimit('write')
  @Post()
  @Roles('brand')
  @Idempotent()
  @ApiCreatedResponse({ type: OfferDto })
  // not_found: the creator is not in the network, or the cost code is not the brand's.
  @ApiErrors(
    ...RATE_LIMITED,
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...IDEMPOTENCY_REQUIRED,
    'not_found',
    ...VIA_SERVICE,
  )
  async create(
    @CurrentBrand() actor: BrandActor,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: CreateOfferDto,
  ): Promise<OfferDto> {
    await this.rpc.call(GetCostCodeRpc, { actor, costCodeId: body.costCodeId });
    return this.rpc.call(CreateOfferRpc, { actor, idempotencyKey, ...body });
  }

  /** A brand's offers, or a creator's. */
  @Get()
  @Roles('brand', 'creator')
  @ApiOkResponse({ type: OfferPageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<OfferPageDto> {
    return this.rpc.call(ListOffersRpc, { actor, limit: query.limit, cursor: query.cursor });
  }

  /** One offer with the brand's name and the exact contract text to read (and sign). */
  @Get(':id')
  @Roles('brand', 'creator')
  @ApiOkResponse({ type: OfferDetailDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Offer')) id: string,
  ): Promise<OfferDetailDto> {
    return this.rpc.call(GetOfferRpc, { actor, offerId: id });
  }

  /**
   * Accept and e-sign: the signature records the typed name, time, IP and user agent. A retry
   * with the same Idempotency-Key answers the first acceptance instead of 409 offer_not_open.
   */
  @Post(':id/accept')
  @Roles('creator')
  @HttpCode(200)
  @Idempotent({ required: false })
  @ApiOkResponse({ type: AcceptedOfferDto })
  @ApiErrors(
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...IDEMPOTENT,
    'not_found',
    'offer_not_open',
    'offer_expired',
    'contract_changed',
    ...VIA_SERVICE,
  )
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Offer')) id: string,
    @Body() body: AcceptOfferDto,
    @Req() req: Request,
  ): Promise<AcceptedOfferDto> {
    return this.rpc.call(AcceptOfferRpc, {
      actor,
      offerId: id,
      signatureName: body.signatureName,
      contractSha256: body.contractSha256,
      ip: req.ip,
      userAgent: req.get('user-agent')?.slice(0, 1000),
    });
  }

  @Post(':id/decline')
  @Roles('creator')
  @HttpCode(200)
  @ApiOkResponse({ type: OfferDto })
  @ApiErrors(...SIGNED_IN_CHANGE, 'not_found', 'offer_not_open', 'offer_expired', ...VIA_SERVICE)
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Offer')) id: string,
  ): Promise<OfferDto> {
    return this.rpc.call(DeclineOfferRpc, { actor, offerId: id });
  }

  @Post(':id/withdraw')
  @Roles('brand')
  @HttpCode(200)
  @ApiOkResponse({ type: OfferDto })
  @ApiErrors(...SIGNED_IN_CHANGE, 'not_found', 'offer_not_open', 'offer_expired', ...VIA_SERVICE)
  withdraw(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Offer')) id: string,
  ): Promise<OfferDto> {
    return this.rpc.call(WithdrawOfferRpc, { actor, offerId: id });
  }
}
