import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@glimmer/contracts/actor';
import { DomainError } from '@glimmer/errors/domain-error';
import { AuthenticatedRequest, ROLES_KEY } from './auth.decorators';

/** Global, after JwtAuthGuard: a `@Roles(...)` route admits only those roles. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new DomainError('unauthenticated');
    if (!roles.includes(actor.role)) {
      throw new DomainError('forbidden', `This route is for ${roles.join(' or ')} accounts`);
    }
    return true;
  }
}
