import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import { UserAccountRepository } from '../accounts/user-account.repository';
import type { GatewayConfig } from '../gateway.config';
import { AccessTokenDto, LoginDto } from './dto/login.dto';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { dummyPasswordHash, verifyPassword } from './password';
import { IssuedSession, SessionService } from './sessions/session.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserAccountRepository,
    private readonly sessions: SessionService,
    private readonly limits: RateLimitService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async login(credentials: LoginDto): Promise<AccessTokenDto> {
    return this.tokensOf(await this.session(credentials));
  }

  /** What an API client keeps: the access token and the refresh token that renews it. */
  tokensOf(session: IssuedSession): AccessTokenDto {
    return {
      accessToken: session.accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_TTL_SECONDS,
      refreshToken: session.refreshToken,
      refreshExpiresAt: session.expiresAt.toISOString(),
    };
  }

  /** Unknown email and wrong password answer alike, after the same amount of hashing. */
  async session({ email, password }: LoginDto): Promise<IssuedSession> {
    // An account in its backoff is refused before any hashing (429 with Retry-After).
    await this.limits.checkLogin(email);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      await this.limits.loginFailed(email);
      throw new DomainError('invalid_credentials');
    }
    await this.limits.loginSucceeded(email);
    return this.sessions.start(user);
  }
}
