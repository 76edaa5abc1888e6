import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { Actor } from '@glimmer/contracts/actor';
import { DomainError } from '@glimmer/errors/domain-error';
import type { UserAccount } from '../accounts/user-account.entity';
import { UserAccountRepository } from '../accounts/user-account.repository';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import type { AuthenticatedRequest } from './auth.decorators';
import { verifyPassword } from './password';

/** The body field a sensitive change carries the account's current password in. */
export class PasswordConfirmationDto {
  @ApiProperty({ description: "The account's current password (re-authentication)" })
  @IsString()
  @MaxLength(200)
  password: string;
}

/**
 * Re-authentication: a sensitive change (where the money goes, the password) needs the
 * account's current password as well as a session, so a stolen token alone cannot make it.
 * It counts as a login attempt: the per-address login limit, the account's failed-login
 * backoff (a wrong password here counts towards it), and the scrypt semaphore.
 */
@Injectable()
export class PasswordConfirmation {
  constructor(
    private readonly users: UserAccountRepository,
    private readonly limits: RateLimitService,
  ) {}

  /** The caller's account when `password` is its password; 403 `reauthentication_failed` if not. */
  async confirm(actor: Actor, password: string, ip: string | undefined): Promise<UserAccount> {
    await this.limits.hit('login', `ip:${ip ?? 'unknown'}`);
    const user = await this.users.findById(actor.userId);
    if (!user) throw new DomainError('unauthenticated', 'Your account no longer exists');
    await this.limits.checkLogin(user.email);
    if (!(await verifyPassword(password, user.passwordHash))) {
      await this.limits.loginFailed(user.email);
      throw new DomainError('reauthentication_failed', 'The password is wrong: nothing changed');
    }
    await this.limits.loginSucceeded(user.email);
    return user;
  }
}

/**
 * `@RequiresPassword()`: the route runs only when the body's `password` is the caller's current
 * password (403 `reauthentication_required` without one, `reauthentication_failed` when wrong).
 * The body's DTO extends PasswordConfirmationDto, and the handler leaves `password` out of what
 * it forwards. A route guard: it runs after authentication and before the idempotency
 * interceptor, so a replay needs the password too.
 */
export const RequiresPassword = () => applyDecorators(UseGuards(PasswordConfirmationGuard));

@Injectable()
export class PasswordConfirmationGuard implements CanActivate {
  constructor(private readonly confirmation: PasswordConfirmation) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const password = (req.body as { password?: unknown } | undefined)?.password;
    if (typeof password !== 'string' || password.length === 0 || password.length > 200) {
      throw new DomainError(
        'reauthentication_required',
        'Confirm your password: send it as `password` in the body',
      );
    }
    if (!req.actor) throw new DomainError('unauthenticated');
    await this.confirmation.confirm(req.actor, password, req.ip);
    return true;
  }
}
