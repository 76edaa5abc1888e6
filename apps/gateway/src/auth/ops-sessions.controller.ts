import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { notFound } from '@glimmer/errors/domain-error';
import { UserAccountRepository } from '../accounts/user-account.repository';
import { JSON_BODY, SIGNED_IN_CHANGE } from '../http/error-sets';
import { Roles } from './auth.decorators';
import { RevokedSessionsDto, RevokeSessionsDto } from './dto/login.dto';
import { SessionService } from './sessions/session.service';

@ApiTags('Operations')
@Controller('v1/ops')
export class OpsSessionsController {
  constructor(
    private readonly users: UserAccountRepository,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Ends every session of an account (a stolen device, a compromised account): its access and
   * refresh tokens stop working within SESSION_CHECK_CACHE_MS on every gateway replica.
   */
  @Post('sessions/revoke')
  @Roles('ops')
  @HttpCode(200)
  @ApiOkResponse({ type: RevokedSessionsDto })
  @ApiErrors(...SIGNED_IN_CHANGE, ...JSON_BODY, 'not_found', 'dependency_unavailable')
  async revoke(@Body() body: RevokeSessionsDto): Promise<RevokedSessionsDto> {
    const user = await this.users.findByEmail(body.email);
    if (!user) throw notFound('account');
    return { userId: user.id, revoked: await this.sessions.revokeAllOf(user.id, 'ops') };
  }
}
