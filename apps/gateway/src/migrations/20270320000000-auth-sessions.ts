import { Migration } from '@mikro-orm/migrations';

/**
 * Revocable sessions (issue 11): every login starts a session; access tokens name it (`sid`)
 * and are refused once it is revoked. A session's refresh tokens rotate: each is used once, and
 * one presented again after it was rotated revokes the whole session (a stolen copy was used).
 * Only SHA-256 hashes of refresh tokens are stored (they are 256-bit random, so unsalted
 * hashes cannot be guessed back).
 */
export class Migration20270320000000AuthSessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table auth_session (
      id uuid primary key,
      user_id uuid not null references user_account (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      refreshed_at timestamptz,
      revoked_at timestamptz,
      revoked_reason text,
      constraint auth_session_revoked check ((revoked_at is null) = (revoked_reason is null))
    )`);
    this.addSql(
      `create index auth_session_user_active_idx on auth_session (user_id) where revoked_at is null`,
    );
    this.addSql(`create table refresh_token (
      token_hash text primary key,
      session_id uuid not null references auth_session (id) on delete cascade,
      created_at timestamptz not null default now(),
      rotated_at timestamptz
    )`);
    this.addSql(`create index refresh_token_session_idx on refresh_token (session_id)`);
  }
}
