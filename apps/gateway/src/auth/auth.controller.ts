import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import { CurrentActor, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { AccessTokenDto, LoginDto, MeDto } from './dto/login.dto';

@ApiTags('Accounts')
@Controller('v1')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'invalid_credentials' })
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(body);
  }

  /** Who the access token belongs to. */
  @Get('me')
  @Roles('brand', 'creator', 'ops')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): MeDto {
    const { userId, role, brandId, creatorId, currency, email, name } = actor;
    return { userId, role, brandId, creatorId, currency, email: email ?? '', name: name ?? '' };
  }
}
