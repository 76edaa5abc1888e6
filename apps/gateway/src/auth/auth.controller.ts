import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@glimmer/contracts/actor';
import { CONFIG } from '@glimmer/config/config';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import type { GatewayConfig } from '../gateway.config';
import { RATE_LIMITED, JSON_BODY } from '../http/error-sets';
import { CurrentActor, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { AccessTokenDto, LoginDto, MeDto } from './dto/login.dto';
import { clearSessionCookies, setSessionCookies } from './session-cookie';
import { RateLimit } from '../rate-limit/rate-limit.guard';

@ApiTags('Accounts')
@Controller('v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** API clients: an access token to send as `Authorization: Bearer`. */
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
   * Browsers: the same login, kept in an HttpOnly, SameSite=Strict session cookie plus a
   * readable CSRF cookie whose value state-changing requests echo in `X-CSRF-Token`.
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
    const { accessToken, actor } = await this.auth.session(body);
    setSessionCookies(res, {
      token: accessToken,
      secret: this.config.JWT_SECRET,
      maxAgeSeconds: this.config.JWT_TTL_SECONDS,
      secure: this.secure(req),
    });
    return meOf(actor);
  }

  /** Log out: the browser forgets the session (an expired one too). */
  @Delete('auth/session')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session cookies are cleared' })
  @ApiErrors()
  endSession(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    clearSessionCookies(res, this.secure(req));
  }

  /** Who the access token belongs to. */
  @Get('me')
  @Roles('brand', 'creator', 'ops')
  @ApiOkResponse({ type: MeDto })
  @ApiErrors('unauthenticated')
  me(@CurrentActor() actor: Actor): MeDto {
    return meOf(actor);
  }

  private secure(req: Request): boolean {
    if (this.config.COOKIE_SECURE === 'always') return true;
    if (this.config.COOKIE_SECURE === 'never') return false;
    return req.secure;
  }
}

function meOf(actor: Actor): MeDto {
  const { userId, role, brandId, creatorId, currency, email, name } = actor;
  return { userId, role, brandId, creatorId, currency, email: email ?? '', name: name ?? '' };
}
