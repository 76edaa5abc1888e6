import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BrandActor } from '@glimmer/contracts/actor';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { CurrentBrand, Public, Roles } from '../auth/auth.decorators';
import { JSON_BODY, RATE_LIMITED, SIGNED_IN, SIGNED_IN_CHANGE } from '../http/error-sets';
import { RateLimit } from '../rate-limit/rate-limit.guard';
import { EmailVerificationDto, VerifyEmailDto } from './dto/email-verification.dto';
import { GetEmailVerificationStatus } from './email-verification-status.use-case';
import { ResendVerificationEmail } from './resend-verification-email.use-case';
import { VerifyEmail } from './verify-email.use-case';

@ApiTags('Accounts')
@Controller('v1/auth/verify-email')
export class EmailVerificationController {
  constructor(
    private readonly getStatus: GetEmailVerificationStatus,
    private readonly verifyEmail: VerifyEmail,
    private readonly resendEmail: ResendVerificationEmail,
  ) {}

  /** Whether the signed-in brand member has verified their email yet. */
  @Get()
  @Roles('brand')
  @ApiOkResponse({ type: EmailVerificationDto })
  @ApiErrors(...SIGNED_IN, 'dependency_unavailable')
  status(@CurrentBrand() actor: BrandActor): Promise<EmailVerificationDto> {
    return this.getStatus.execute(actor);
  }

  /**
   * Public: the link's token is the credential (the person may open it on another device).
   * Works once and until it expires; a used link is 409, an expired one 410.
   */
  @RateLimit('verifyEmail')
  @Post()
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: EmailVerificationDto })
  @ApiErrors(
    ...RATE_LIMITED,
    ...JSON_BODY,
    'email_verification_token_invalid',
    'email_verification_token_used',
    'email_verification_token_expired',
    'dependency_unavailable',
  )
  verify(@Body() body: VerifyEmailDto): Promise<EmailVerificationDto> {
    return this.verifyEmail.execute(body.token);
  }

  /**
   * Sends a new link to the member's address (earlier links stop working). Limited per brand
   * (RATE_LIMIT_RESEND_PER_TENANT a window) and per address (EMAIL_VERIFICATION_SENDS_PER_DAY).
   */
  @RateLimit('resend')
  @Post('resend')
  @Roles('brand')
  @HttpCode(200)
  @ApiOkResponse({ type: EmailVerificationDto })
  @ApiErrors(
    ...RATE_LIMITED,
    ...SIGNED_IN_CHANGE,
    'email_already_verified',
    'dependency_unavailable',
  )
  resend(@CurrentBrand() actor: BrandActor): Promise<EmailVerificationDto> {
    return this.resendEmail.execute(actor);
  }
}
