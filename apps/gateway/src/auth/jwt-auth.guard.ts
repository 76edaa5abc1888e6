import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import type { GatewayConfig } from '../gateway.config';
import { AuthenticatedRequest, IS_PUBLIC } from './auth.decorators';
import { csrfHolds, sessionTokenFrom } from './session-cookie';
import { SessionService } from './sessions/session.service';

/**
 * Global: every route needs a valid access token of an open session unless it is `@Public()` —
 * a bearer header (API clients) or the browser's session cookie, which on a state-changing
 * request must come with its CSRF token. An expired token answers 401 `token_expired` (refresh
 * and retry); a revoked session or a bad token 401 `unauthenticated` (log in again).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
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
      if (credential) {
        const auth = await this.sessions.authenticate(credential.token);
        if (auth.status === 'ok' && this.csrfHolds(req, credential, auth.sessionId))
          req.actor = auth.actor;
      }
      return true;
    }
    if (!credential) {
      throw new DomainError(
        'unauthenticated',
        'Log in, or send an access token: Authorization: Bearer <token>',
      );
    }
    const auth = await this.sessions.authenticate(credential.token);
    if (auth.status === 'invalid')
      throw new DomainError('unauthenticated', 'Your session has ended: log in again');
    // A forged cross-site request is refused as such, whether or not its token has expired.
    if (auth.sessionId && !this.csrfHolds(req, credential, auth.sessionId)) {
      throw new DomainError(
        'csrf_token_invalid',
        "Send the session's CSRF token (the glimmer_csrf cookie) in the X-CSRF-Token header",
      );
    }
    if (auth.status === 'expired')
      throw new DomainError('token_expired', 'The access token has expired: refresh the session');
    req.actor = auth.actor;
    req.sessionId = auth.sessionId;
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
    sessionId: string,
  ): boolean {
    return !credential.fromCookie || csrfHolds(req, this.config.JWT_SECRET, sessionId);
  }
}
