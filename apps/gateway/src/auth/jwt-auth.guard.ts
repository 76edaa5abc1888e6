import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@glimmer/contracts/actor';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import type { GatewayConfig } from '../gateway.config';
import { AccessClaims, actorFromClaims } from './access-token';
import { AuthenticatedRequest, IS_PUBLIC } from './auth.decorators';
import { csrfHolds, sessionTokenFrom } from './session-cookie';

/**
 * Global: every route needs a valid access token unless it is `@Public()` — a bearer header
 * (API clients) or the browser's session cookie, which on a state-changing request must come
 * with its CSRF token.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credential = this.credential(req);
    if (isPublic) {
      // A public route may still serve a signed-in caller differently (accepting an invite
      // links the creator's account): a valid token names the actor, anything else is ignored.
      if (credential && this.csrfHolds(req, credential))
        req.actor = (await this.verify(credential.token)) ?? undefined;
      return true;
    }
    if (!credential) {
      throw new DomainError(
        'unauthenticated',
        'Log in, or send an access token: Authorization: Bearer <token>',
      );
    }
    if (!this.csrfHolds(req, credential)) {
      throw new DomainError(
        'csrf_token_invalid',
        "Send the session's CSRF token (the glimmer_csrf cookie) in the X-CSRF-Token header",
      );
    }
    const actor = await this.verify(credential.token);
    if (!actor) throw new DomainError('unauthenticated', 'Your session has expired: log in again');
    req.actor = actor;
    return true;
  }

  /** The bearer header wins: an API client that also holds a cookie is an API client. */
  private credential(req: AuthenticatedRequest): { token: string; fromCookie: boolean } | null {
    const [scheme, bearer] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() === 'bearer' && bearer) return { token: bearer, fromCookie: false };
    const cookie = sessionTokenFrom(req);
    return cookie ? { token: cookie, fromCookie: true } : null;
  }

  private csrfHolds(
    req: AuthenticatedRequest,
    credential: { token: string; fromCookie: boolean },
  ): boolean {
    return !credential.fromCookie || csrfHolds(req, this.config.JWT_SECRET, credential.token);
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
