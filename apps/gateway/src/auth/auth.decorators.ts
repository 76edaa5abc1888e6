import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor, BrandActor, Role } from '@glimmer/contracts/actor';
import { isBrandActor } from '@glimmer/contracts/actor';

/** Shared with the libraries' health and metrics controllers. */
export { IS_PUBLIC, Public } from '@glimmer/observability/public-route';
export const ROLES_KEY = 'glimmer:roles';

/** Only these roles may call the route (the caller must be authenticated). */
export const Roles = (...roles: [Role, ...Role[]]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated request, as the JWT guard leaves it. */
export interface AuthenticatedRequest extends Request {
  actor?: Actor;
  /** The session the access token belongs to (logout ends it). */
  sessionId?: string;
}

/** The caller, built from the verified access token. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});

/** The caller as a brand member; only for `@Roles('brand')` routes. */
export const CurrentBrand = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): BrandActor => {
    const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor || !isBrandActor(actor))
      throw new Error('CurrentBrand used on a route not limited to brand members');
    return actor;
  },
);
