import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@glimmer/contracts/actor';
import { DomainError } from '@glimmer/errors/domain-error';
import { AccessClaims, actorFromClaims } from './access-token';
import { AuthenticatedRequest, IS_PUBLIC } from './auth.decorators';

/** Global: every route needs a valid bearer token unless it is `@Public()`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (isPublic) {
      // A public route may still serve a signed-in caller differently (accepting an invite
      // links the creator's account): a valid token names the actor, anything else is ignored.
      if (scheme?.toLowerCase() === 'bearer' && token)
        req.actor = (await this.verify(token)) ?? undefined;
      return true;
    }
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new DomainError(
        'unauthenticated',
        'Send an access token: Authorization: Bearer <token>',
      );
    }
    const actor = await this.verify(token);
    if (!actor)
      throw new DomainError('unauthenticated', 'The access token is invalid or has expired');
    req.actor = actor;
    return true;
  }

  private async verify(token: string): Promise<Actor | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      return actorFromClaims(claims);
    } catch {
      return null;
    }
  }
}
