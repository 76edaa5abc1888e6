import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@glimmer/contracts/actor';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import { UserAccountRepository } from '../accounts/user-account.repository';
import type { GatewayConfig } from '../gateway.config';
import { actorFromClaims, claimsFor } from './access-token';
import { AccessTokenDto, LoginDto } from './dto/login.dto';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { dummyPasswordHash, verifyPassword } from './password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserAccountRepository,
    private readonly jwt: JwtService,
    private readonly limits: RateLimitService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async login(credentials: LoginDto): Promise<AccessTokenDto> {
    const { accessToken } = await this.session(credentials);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS };
  }

  /** Unknown email and wrong password answer alike, after the same amount of hashing. */
  async session({ email, password }: LoginDto): Promise<{ accessToken: string; actor: Actor }> {
    // An account in its backoff is refused before any hashing (429 with Retry-After).
    await this.limits.checkLogin(email);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !ok) {
      await this.limits.loginFailed(email);
      throw new DomainError('invalid_credentials');
    }
    await this.limits.loginSucceeded(email);
    const claims = claimsFor(user);
    const actor = actorFromClaims(claims);
    if (!actor) throw new DomainError('invalid_credentials');
    return { accessToken: await this.jwt.signAsync({ ...claims }), actor };
  }
}
