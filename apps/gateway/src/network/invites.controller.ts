import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import {
  CreateInviteRpc,
  ListInvitesRpc,
  ResendInviteRpc,
  RevokeInviteRpc,
} from '@glimmer/contracts/network/invite.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { AuthenticatedRequest, CurrentBrand, Public, Roles } from '../auth/auth.decorators';
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
  AcceptedInviteDto,
  AcceptInviteDto,
  CreateInviteDto,
  InviteDto,
  InvitePageDto,
  InvitePreviewDto,
  InvitePreviewQueryDto,
} from './dto/invite.dto';
import { InviteAcceptanceService } from './invite-acceptance.service';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { RequireVerifiedEmail } from '../accounts/verified-email.guard';

@ApiTags('Network')
@Controller('v1/invites')
export class InvitesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly acceptance: InviteAcceptanceService,
  ) {}

  /**
   * Invites a creator by email; the token travels only in the email. Only once the member's
   * email is verified (403 email_not_verified), and at most NETWORK_INVITES_PER_DAY emails
   * (invites and resends) per brand in any 24 hours (429 invite_daily_limit_reached).
   */
  @RequireVerifiedEmail()
  @RateLimit('write')
  @Post()
  @Roles('brand')
  @Idempotent()
  @ApiCreatedResponse({ type: InviteDto })
  @ApiErrors(
    ...RATE_LIMITED,
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...IDEMPOTENCY_REQUIRED,
    'email_not_verified',
    'invite_daily_limit_reached',
    ...VIA_SERVICE,
  )
  create(
    @CurrentBrand() actor: BrandActor,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: CreateInviteDto,
  ): Promise<InviteDto> {
    return this.rpc.call(CreateInviteRpc, {
      actor,
      idempotencyKey,
      email: body.email,
      message: body.message,
    });
  }

  @Get()
  @Roles('brand')
  @ApiOkResponse({ type: InvitePageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  list(@CurrentBrand() actor: BrandActor, @Query() query: PageQueryDto): Promise<InvitePageDto> {
    return this.rpc.call(ListInvitesRpc, { actor, limit: query.limit, cursor: query.cursor });
  }

  /**
   * Public: what the invite link's page shows before the creator commits — the brand's name, the
   * invited email and whether the invite can still be accepted. The token is the credential; an
   * unknown or malformed one is 400 invite_token_invalid.
   */
  @RateLimit('invite')
  @Get('preview')
  @Public()
  @ApiOkResponse({ type: InvitePreviewDto })
  @ApiErrors(...RATE_LIMITED, 'validation_failed', 'invite_token_invalid', ...VIA_SERVICE)
  preview(@Query() query: InvitePreviewQueryDto): Promise<InvitePreviewDto> {
    return this.acceptance.preview(query.token);
  }

  /**
   * Public: the invite's token is the credential. A signed-in creator may send `{ token }` alone
   * to link the invite to their existing account.
   */
  @RateLimit('invite')
  @Post('accept')
  @Public()
  @ApiCreatedResponse({ type: AcceptedInviteDto })
  @ApiErrors(
    ...RATE_LIMITED,
    ...JSON_BODY,
    'invite_token_invalid',
    'forbidden',
    'not_found',
    'invite_already_accepted',
    'email_taken',
    'invite_expired',
    'invite_revoked',
    ...VIA_SERVICE,
  )
  accept(
    @Req() req: AuthenticatedRequest,
    @Body() body: AcceptInviteDto,
  ): Promise<AcceptedInviteDto> {
    return this.acceptance.accept(body, req.actor);
  }

  /** A new token and expiry; the previous link stops working. Counts against the daily cap. */
  @RequireVerifiedEmail()
  @RateLimit('resend')
  @Post(':id/resend')
  @Roles('brand')
  @Idempotent({ required: false })
  @HttpCode(200)
  @ApiOkResponse({ type: InviteDto })
  @ApiErrors(
    ...RATE_LIMITED,
    ...SIGNED_IN_CHANGE,
    ...IDEMPOTENT,
    'email_not_verified',
    'not_found',
    'invite_not_pending',
    'invite_daily_limit_reached',
    ...VIA_SERVICE,
  )
  resend(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Invite')) id: string,
  ): Promise<InviteDto> {
    return this.rpc.call(ResendInviteRpc, { actor, inviteId: id });
  }

  @Post(':id/revoke')
  @Roles('brand')
  @HttpCode(200)
  @ApiOkResponse({ type: InviteDto })
  @ApiErrors(...SIGNED_IN_CHANGE, 'not_found', 'invite_not_pending', ...VIA_SERVICE)
  revoke(
    @CurrentBrand() actor: BrandActor,
    @Param('id', UuidParam('Invite')) id: string,
  ): Promise<InviteDto> {
    return this.rpc.call(RevokeInviteRpc, { actor, inviteId: id });
  }
}
