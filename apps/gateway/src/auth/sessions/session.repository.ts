import { Injectable } from '@nestjs/common';
import { LockMode, raw } from '@mikro-orm/core';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AuthSession, RevokedReason } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';

/** A refresh token with its session, the session locked: what a refresh decides on. */
export interface LockedRefresh {
  session: AuthSession;
  token: RefreshToken;
}

/** The gateway's session store (auth_session, refresh_token). */
@Injectable()
export class SessionRepository {
  constructor(private readonly orm: MikroORM) {}

  fork(): EntityManager {
    return this.orm.em.fork();
  }

  async insertSession(
    em: EntityManager,
    session: { id: string; userId: string; expiresAt: Date },
  ): Promise<void> {
    await em.insert(AuthSession, session);
  }

  async insertRefreshToken(em: EntityManager, sessionId: string, tokenHash: string): Promise<void> {
    await em.insert(RefreshToken, { tokenHash, sessionId });
  }

  /**
   * The token and the session it names, the session locked first so two refreshes of one
   * session take turns (and the second reads the token as the first left it). Null when either
   * is missing or the token is another session's.
   */
  async lockByRefreshToken(
    em: EntityManager,
    sessionId: string,
    tokenHash: string,
  ): Promise<LockedRefresh | null> {
    const session = await em.findOne(
      AuthSession,
      { id: sessionId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!session) return null;
    const token = await em.findOne(RefreshToken, { tokenHash }, { refresh: true });
    return token?.sessionId === session.id ? { session, token } : null;
  }

  async markRotated(em: EntityManager, tokenHash: string, sessionId: string): Promise<void> {
    await em.nativeUpdate(RefreshToken, { tokenHash }, { rotatedAt: raw('now()') });
    await em.nativeUpdate(AuthSession, { id: sessionId }, { refreshedAt: raw('now()') });
  }

  /** True while the session is neither revoked nor past its life (by the database's clock). */
  async isActive(sessionId: string): Promise<boolean> {
    const open = await this.orm.em.fork().count(AuthSession, {
      id: sessionId,
      revokedAt: null,
      expiresAt: { $gt: raw<object, Date>('now()') },
    });
    return open > 0;
  }

  async revoke(em: EntityManager, sessionId: string, reason: RevokedReason): Promise<boolean> {
    const revoked = await em.nativeUpdate(
      AuthSession,
      { id: sessionId, revokedAt: null },
      { revokedAt: raw('now()'), revokedReason: reason },
    );
    return revoked > 0;
  }

  /** Every open session of the account, in one statement; returns their ids. */
  async revokeAllOf(em: EntityManager, userId: string, reason: RevokedReason): Promise<string[]> {
    const rows: { id: string }[] = await em
      .createQueryBuilder(AuthSession)
      .update({ revokedAt: raw('now()'), revokedReason: reason })
      .where({ userId, revokedAt: null })
      .returning('id')
      .execute('all');
    return rows.map((r) => r.id);
  }
}
