import { Migration } from '@mikro-orm/migrations';

/**
 * The auth records' retention (AuthRetention) deletes sessions by when they ended — revoked or
 * past their life, whichever came first — and verification links by their expiry: an index on
 * each keeps a batch from scanning the whole table. A session's refresh tokens are found
 * through `refresh_token_session_idx`.
 */
export class Migration20270425000000AuthRetention extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index auth_session_ended_idx on auth_session ((least(expires_at, revoked_at)))`,
    );
    this.addSql(`create index email_verification_expires_idx on email_verification (expires_at)`);
  }
}
