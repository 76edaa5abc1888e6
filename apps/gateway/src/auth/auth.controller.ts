import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@glimmer/contracts/actor';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import type { GatewayConfig } from '../gateway.config';
import { RATE_LIMITED, JSON_BODY, SIGNED_IN_CHANGE } from '../http/error-sets';
import { AuthenticatedRequest, CurrentActor, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { AccessTokenDto, LoginDto, MeDto, RefreshDto } from './dto/login.dto';
import {
  clearSessionCookies,
  cookiesSecure,
  csrfHolds,
  refreshTokenFrom,
  sessionTokenFrom,
  setSessionCookies,
} from './session-cookie';
import { IssuedSession, SessionService, sessionIdOfRefreshToken } from './sessions/session.service';
import { RateLimit } from '../rate-limit/rate-limit.guard';

@ApiTags('Accounts')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** API clients: an access token to send as `Authorization: Bearer`, and its refresh token. */
  @RateLimit('login')
  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(...RATE_LIMITED, ...JSON_BODY, 'invalid_credentials', 'dependency_unavailable')
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(body);
  }

  /**
   * API clients: a new access token for a refresh token, which is spent (use the new one next
   * time). A spent refresh token presented again ends the session.
   */
  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiErrors(...JSON_BODY, 'refresh_token_invalid', 'dependency_unavailable')
  async refresh(@Body() body: RefreshDto): Promise<AccessTokenDto> {
    return this.auth.tokensOf(await this.sessions.refresh(body.refreshToken));
  }

  /** Ends the caller's session: its access and refresh tokens stop working. */
  @Post('auth/logout')
  @Roles('brand', 'creator', 'ops')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked' })
  @ApiErrors(...SIGNED_IN_CHANGE, 'dependency_unavailable')
  async logout(
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    if (req.sessionId) await this.sessions.revoke(req.sessionId, 'logout');
    clearSessionCookies(res, this.secure(req));
  }

  /**
   * Browsers: the same login, kept in HttpOnly, SameSite=Strict cookies (the access token, and
   * the refresh token sent only to the refresh route) plus a readable CSRF cookie whose value
   * state-changing requests echo in `X-CSRF-Token`.
   */
  @RateLimit('login')
  @Post('auth/session')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MeDto })
  @ApiErrors(...RATE_LIMITED, ...JSON_BODY, 'invalid_credentials', 'dependency_unavailable')
  async startSession(
    @Body() body: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeDto> {
    const session = await this.auth.session(body);
    this.setCookies(req, res, session);
    return meOf(session.actor);
  }

  /**
   * Browsers: after a 401 `token_expired`, trades the refresh cookie for new session cookies
   * (with the session's CSRF token, as for any change). Refused: the cookies are cleared.
   */
  @Post('auth/session/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MeDto })
  @ApiErrors('refresh_token_invalid', 'csrf_token_invalid', 'dependency_unavailable')
  async refreshSession(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MeDto> {
    const token = refreshTokenFrom(req);
    const sessionId = token ? sessionIdOfRefreshToken(token) : null;
    if (!token || !sessionId) {
      clearSessionCookies(res, this.secure(req));
      throw new DomainError('refresh_token_invalid', 'Log in again');
    }
    if (!csrfHolds(req, this.config.JWT_SECRET, sessionId)) {
      throw new DomainError(
        'csrf_token_invalid',
        "Send the session's CSRF token (the glimmer_csrf cookie) in the X-CSRF-Token header",
      );
    }
    let session: IssuedSession;
    try {
      session = await this.sessions.refresh(token);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'refresh_token_invalid')
        clearSessionCookies(res, this.secure(req));
      throw err;
    }
    this.setCookies(req, res, session);
    return meOf(session.actor);
  }

  /** Log out: the session is revoked (an expired one too) and the browser forgets it. */
  @Delete('auth/session')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is revoked and its cookies cleared' })
  @ApiErrors('dependency_unavailable')
  async endSession(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = sessionTokenFrom(req);
    const sessionId = token ? await this.sessions.sessionIdOf(token) : null;
    if (sessionId) await this.sessions.revoke(sessionId, 'logout');
    clearSessionCookies(res, this.secure(req));
  }

  /** Who the access token belongs to. */
  @Get('me')
  @Roles('brand', 'creator', 'ops')
  @ApiOkResponse({ type: MeDto })
  @ApiErrors('unauthenticated', 'token_expired')
  me(@CurrentActor() actor: Actor): MeDto {
    return meOf(actor);
  }

  private setCookies(req: Request, res: Response, session: IssuedSession): void {
    setSessionCookies(res, {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      sessionId: session.sessionId,
      expiresAt: session.expiresAt,
      secret: this.config.JWT_SECRET,
      secure: this.secure(req),
    });
  }

  private secure(req: Request): boolean {
    return cookiesSecure(this.config, req);
  }
}

function meOf(actor: Actor): MeDto {
  const { userId, role, brandId, creatorId, currency, email, name } = actor;
  return { userId, role, brandId, creatorId, currency, email: email ?? '', name: name ?? '' };
}
