import { Migration } from '@mikro-orm/migrations';

/**
 * Brand members prove their email address before Glimmer emails anyone on the brand's behalf
 * (issue 11): `email_verified_at` on the account, and the links sent to it — only each token's
 * SHA-256 is kept (the token is 256 random bits, so the hash is no guessing oracle), with its
 * expiry and when it was used. Accounts that exist stay unverified: their admins verify with a
 * resend, as a new sign-up does.
 */
export class Migration20270310000000EmailVerification extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table user_account add column email_verified_at timestamptz`);
    this.addSql(`create table email_verification (
      token_hash text primary key,
      user_id uuid not null references user_account (id),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    )`);
    this.addSql(
      `create index email_verification_user_idx on email_verification (user_id, created_at)`,
    );
  }
}
