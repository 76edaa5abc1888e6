import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { RATE_LIMIT_POLICIES, RateLimitPolicy, tenantOf } from './rate-limit.policy';
import { RateLimitService } from './rate-limit.service';

const RATE_LIMIT_KEY = 'glimmer:rate-limit';

/**
 * Counts the route against `policy` (per client IP or per tenant; see RATE_LIMIT_POLICIES).
 * A route guard, so it runs after the global JWT and role guards and knows the tenant.
 * The route must list `rate_limited` in its `@ApiErrors`.
 */
export const RateLimit = (policy: RateLimitPolicy) =>
  applyDecorators(SetMetadata(RATE_LIMIT_KEY, policy), UseGuards(RateLimitGuard));

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.get<RateLimitPolicy | undefined>(
      RATE_LIMIT_KEY,
      context.getHandler(),
    );
    if (!policy) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const tenant = RATE_LIMIT_POLICIES[policy].by === 'tenant' ? tenantOf(req.actor) : undefined;
    const subject = tenant ?? `ip:${req.ip ?? 'unknown'}`;
    await this.limits.hit(policy, subject);
    return true;
  }
}
