import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
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
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new DomainError(
        'unauthenticated',
        'Send an access token: Authorization: Bearer <token>',
      );
    }
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new DomainError('unauthenticated', 'The access token is invalid or has expired');
    }
    const actor = actorFromClaims(claims);
    if (!actor)
      throw new DomainError('unauthenticated', 'The access token is invalid or has expired');
    req.actor = actor;
    return true;
  }
}
