import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@glimmer/contracts/actor';
import { CONFIG } from '@glimmer/config/config';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { UserAccountRepository } from '../accounts/user-account.repository';
import type { GatewayConfig } from '../gateway.config';
import { JSON_BODY, RATE_LIMITED, SIGNED_IN_CHANGE } from '../http/error-sets';
import { AuthenticatedRequest, CurrentActor, Roles } from './auth.decorators';
import { ChangePasswordDto } from './dto/login.dto';
import { hashPassword } from './password';
import { PasswordConfirmation } from './password-confirmation';
import { clearSessionCookies, cookiesSecure } from './session-cookie';
import { SessionRepository } from './sessions/session.repository';
import { SessionService } from './sessions/session.service';

@ApiTags('Accounts')
@Controller('v1')
export class PasswordChangeController {
  constructor(
    private readonly confirmation: PasswordConfirmation,
    private readonly users: UserAccountRepository,
    private readonly store: SessionRepository,
    private readonly sessions: SessionService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Changes the caller's password (the current one confirms it, counted as a login attempt)
   * and ends every session of the account, this one included: whoever held a token, or knew
   * the old password, is out. The caller logs in again with the new password.
   */
  @Post('auth/password')
  @Roles('brand', 'creator', 'ops')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Changed; every session of the account is revoked' })
  @ApiErrors(
    ...SIGNED_IN_CHANGE,
    ...JSON_BODY,
    ...RATE_LIMITED,
    'reauthentication_failed',
    'dependency_unavailable',
  )
  async change(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.confirmation.confirm(actor, body.currentPassword, req.ip);
    const passwordHash = await hashPassword(body.newPassword);
    await this.store.fork().transactional(async (em) => {
      await this.users.updatePasswordHash(em, actor.userId, passwordHash);
      await this.sessions.revokeAllOf(actor.userId, 'password_changed', em);
    });
    clearSessionCookies(res, cookiesSecure(this.config, req));
  }
}
