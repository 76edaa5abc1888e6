import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/** Why a session ended (auth_session.revoked_reason). */
export type RevokedReason =
  'logout' | 'password_changed' | 'ops' | 'refresh_token_reused' | 'account_gone';

/** A refresh token's row with its session, as a refresh reads it (locked). */
export interface RefreshTokenRow {
  session_id: string;
  user_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  rotated_at: Date | null;
}

/** The gateway's session store (auth_session, refresh_token): plain SQL, like the accounts. */
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
    await em.execute(`insert into auth_session (id, user_id, expires_at) values (?, ?, ?)`, [
      session.id,
      session.userId,
      session.expiresAt,
    ]);
  }

  async insertRefreshToken(em: EntityManager, sessionId: string, tokenHash: string): Promise<void> {
    await em.execute(`insert into refresh_token (token_hash, session_id) values (?, ?)`, [
      tokenHash,
      sessionId,
    ]);
  }

  /** The token and its session, the session row locked so two refreshes take turns. */
  async lockByRefreshToken(em: EntityManager, tokenHash: string): Promise<RefreshTokenRow | null> {
    const [row] = await em.execute<RefreshTokenRow[]>(
      `select t.session_id, s.user_id, s.expires_at, s.revoked_at, t.rotated_at
         from refresh_token t join auth_session s on s.id = t.session_id
        where t.token_hash = ?
        for update of s`,
      [tokenHash],
    );
    return row ?? null;
  }

  async markRotated(em: EntityManager, tokenHash: string, sessionId: string): Promise<void> {
    await em.execute(`update refresh_token set rotated_at = now() where token_hash = ?`, [
      tokenHash,
    ]);
    await em.execute(`update auth_session set refreshed_at = now() where id = ?`, [sessionId]);
  }

  /** True while the session is neither revoked nor past its life. */
  async isActive(sessionId: string): Promise<boolean> {
    const rows = await this.orm.em
      .fork()
      .execute<{ id: string }[]>(
        `select id from auth_session where id = ? and revoked_at is null and expires_at > now()`,
        [sessionId],
      );
    return rows.length > 0;
  }

  async revoke(em: EntityManager, sessionId: string, reason: RevokedReason): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `update auth_session set revoked_at = now(), revoked_reason = ?
        where id = ? and revoked_at is null returning id`,
      [reason, sessionId],
    );
    return rows.length > 0;
  }

  /** Every open session of the account; returns their ids. */
  async revokeAllOf(em: EntityManager, userId: string, reason: RevokedReason): Promise<string[]> {
    const rows = await em.execute<{ id: string }[]>(
      `update auth_session set revoked_at = now(), revoked_reason = ?
        where user_id = ? and revoked_at is null returning id`,
      [reason, userId],
    );
    return rows.map((r) => r.id);
  }
}
