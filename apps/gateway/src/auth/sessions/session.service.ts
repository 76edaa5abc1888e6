import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '@glimmer/contracts/actor';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import { UserAccountRepository } from '../../accounts/user-account.repository';
import type { GatewayConfig } from '../../gateway.config';
import { AccessClaims, actorFromClaims, claimsFor, TokenHolder } from '../access-token';
import type { RevokedReason } from './auth-session.entity';
import { SessionRepository } from './session.repository';

/** What a login or a refresh hands out. */
export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  /** When the session ends whatever happens (refresh tokens never outlive it). */
  expiresAt: Date;
  actor: Actor;
}

/** An access token, checked: its holder, or why it is refused. */
export type Authentication =
  | { status: 'ok'; actor: Actor; sessionId: string }
  /** Genuine but past its life: refresh. Names its session for the CSRF check. */
  | { status: 'expired'; sessionId: string | null }
  | { status: 'invalid' };

/**
 * A refresh token presented again within this long of its rotation still works (once more, it
 * rotates again): two tabs refreshing at once, or a refresh whose answer never reached the
 * browser (a reload mid-request), must not end the session. Later than this, a rotated token
 * is a stolen copy and ends the session.
 */
const REUSE_GRACE_MS = 10_000;
/** The session-check cache is dropped whole past this many entries (it only saves queries). */
const CACHE_MAX = 10_000;
/**
 * Access tokens whose signature was checked, so a token is verified once rather than on every
 * request (the verification was a tenth of the gateway's CPU on the transfer path): the least
 * recently used beyond this many are forgotten…
 */
const VERIFIED_MAX = 5_000;
/** …and each is checked afresh past this long, or its expiry if sooner. */
const VERIFIED_TTL_MS = 60_000;

/** An access token that verified: who it names, and until when that may be reused. */
interface VerifiedToken {
  actor: Actor;
  sessionId: string;
  /** The token's `exp` (seconds), judged as jsonwebtoken judges it. */
  exp: number;
  /** VERIFIED_TTL_MS after it was verified. */
  until: number;
}

function hashOf(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('hex');
}

/** `<session id>.<256 random bits>`: the session id lets the browser's CSRF check find it. */
export function sessionIdOfRefreshToken(refreshToken: string): string | null {
  const [sid, secret, extra] = refreshToken.split('.');
  return sid && secret && extra === undefined && /^[0-9a-f-]{36}$/.test(sid) ? sid : null;
}

/**
 * Revocable sessions: a login starts one (auth_session) with a rotating refresh token; access
 * tokens are short-lived JWTs naming the session (`sid`), refused once it is revoked. Each
 * replica remembers a session's state for SESSION_CHECK_CACHE_MS, so a revocation takes effect
 * everywhere within that long (at once on the replica that revoked).
 */
@Injectable()
export class SessionService {
  private readonly logger = new Logger('Sessions');
  private readonly checked = new Map<string, { active: boolean; until: number }>();
  /** In least recently used order (a Map iterates in insertion order). */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserAccountRepository,
    private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async start(user: TokenHolder): Promise<IssuedSession> {
    const sessionId = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    const refreshToken = this.newRefreshToken(sessionId);
    await this.sessions.fork().transactional(async (em) => {
      await this.sessions.insertSession(em, { id: sessionId, userId: user.id, expiresAt });
      await this.sessions.insertRefreshToken(em, sessionId, hashOf(refreshToken));
    });
    return this.issue(user, sessionId, refreshToken, expiresAt);
  }

  /**
   * Trades a refresh token for a new access token and a new refresh token (the old one is
   * spent). A spent token presented again past the grace period revokes the session.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const invalid = new DomainError('refresh_token_invalid', 'Log in again');
    const sessionId = sessionIdOfRefreshToken(refreshToken);
    if (!sessionId) throw invalid;
    const tokenHash = hashOf(refreshToken);
    const outcome = await this.sessions.fork().transactional(async (em) => {
      const found = await this.sessions.lockByRefreshToken(em, sessionId, tokenHash);
      if (!found) return null;
      const { session, token } = found;
      if (session.revokedAt || session.expiresAt <= new Date()) return null;
      if (token.rotatedAt && Date.now() - token.rotatedAt.getTime() > REUSE_GRACE_MS) {
        await this.sessions.revoke(em, session.id, 'refresh_token_reused');
        this.forget(session.id);
        this.logger.warn(`session ${session.id}: a spent refresh token was reused; revoked`);
        return null;
      }
      const user = await this.users.findById(session.userId);
      if (!user) {
        await this.sessions.revoke(em, session.id, 'account_gone');
        return null;
      }
      const next = this.newRefreshToken(session.id);
      // Within the grace a rotated token keeps its first rotation time (the grace never grows).
      if (!token.rotatedAt) await this.sessions.markRotated(em, tokenHash, session.id);
      await this.sessions.insertRefreshToken(em, session.id, hashOf(next));
      return { user, next, sessionId: session.id, expiresAt: session.expiresAt };
    });
    if (!outcome) throw invalid;
    return this.issue(outcome.user, outcome.sessionId, outcome.next, outcome.expiresAt);
  }

  /**
   * Verifies an access token and that its session is still open. A token verified before is
   * not verified again while it is unexpired (and for at most VERIFIED_TTL_MS): its claims
   * cannot change, and its session is checked on every request as for a fresh one, so a
   * revocation takes effect exactly as before.
   */
  async authenticate(token: string): Promise<Authentication> {
    const known = this.verified.get(token);
    if (known) {
      this.verified.delete(token);
      // jsonwebtoken's test: expired once the whole seconds of now reach exp.
      if (Date.now() < known.until && Math.floor(Date.now() / 1000) < known.exp) {
        this.verified.set(token, known);
        if (!(await this.isActive(known.sessionId))) return { status: 'invalid' };
        return { status: 'ok', actor: { ...known.actor }, sessionId: known.sessionId };
      }
    }
    let claims: AccessClaims & { exp?: unknown; nbf?: unknown };
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch (err) {
      return (err as Error).name === 'TokenExpiredError'
        ? { status: 'expired', sessionId: await this.sessionIdOf(token) }
        : { status: 'invalid' };
    }
    const actor = actorFromClaims(claims);
    if (!actor || typeof claims.sid !== 'string') return { status: 'invalid' };
    // Only a token whose validity is its expiry alone (the ones issue() signs) is remembered.
    if (typeof claims.exp === 'number' && claims.nbf === undefined)
      this.rememberVerified(token, { actor, sessionId: claims.sid, exp: claims.exp });
    if (!(await this.isActive(claims.sid))) return { status: 'invalid' };
    return { status: 'ok', actor: { ...actor }, sessionId: claims.sid };
  }

  private rememberVerified(token: string, verified: Omit<VerifiedToken, 'until'>): void {
    if (this.verified.size >= VERIFIED_MAX) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { ...verified, until: Date.now() + VERIFIED_TTL_MS });
  }

  /** The session an access token names, expired or not (logging out with an expired token). */
  async sessionIdOf(token: string): Promise<string | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        algorithms: ['HS256'],
        ignoreExpiration: true,
      });
      return typeof claims.sid === 'string' ? claims.sid : null;
    } catch {
      return null;
    }
  }

  async revoke(sessionId: string, reason: RevokedReason): Promise<void> {
    await this.sessions.revoke(this.sessions.fork(), sessionId, reason);
    this.forget(sessionId);
  }

  /** Ends every open session of the account, in the caller's transaction when given one. */
  async revokeAllOf(userId: string, reason: RevokedReason, em?: EntityManager): Promise<number> {
    const ids = await this.sessions.revokeAllOf(em ?? this.sessions.fork(), userId, reason);
    ids.forEach((id) => this.forget(id));
    if (ids.length) this.logger.log(`${ids.length} session(s) of ${userId} revoked: ${reason}`);
    return ids.length;
  }

  private async isActive(sessionId: string): Promise<boolean> {
    const now = Date.now();
    const cached = this.checked.get(sessionId);
    if (cached && cached.until > now) return cached.active;
    const active = await this.sessions.isActive(sessionId);
    if (this.config.SESSION_CHECK_CACHE_MS > 0) {
      if (this.checked.size >= CACHE_MAX) this.checked.clear();
      this.checked.set(sessionId, { active, until: now + this.config.SESSION_CHECK_CACHE_MS });
    }
    return active;
  }

  /** A revocation seen by this replica applies here at once. */
  private forget(sessionId: string): void {
    this.checked.set(sessionId, {
      active: false,
      until: Date.now() + Math.max(this.config.SESSION_CHECK_CACHE_MS, 1),
    });
  }

  private newRefreshToken(sessionId: string): string {
    return `${sessionId}.${randomBytes(32).toString('base64url')}`;
  }

  private async issue(
    user: TokenHolder,
    sessionId: string,
    refreshToken: string,
    expiresAt: Date,
  ): Promise<IssuedSession> {
    const claims = claimsFor(user, sessionId);
    const actor = actorFromClaims(claims);
    if (!actor) throw new DomainError('invalid_credentials');
    const accessToken = await this.jwt.signAsync({ ...claims });
    return { sessionId, accessToken, refreshToken, expiresAt, actor };
  }
}
