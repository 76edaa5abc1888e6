import { Migration } from '@mikro-orm/migrations';

/**
 * Every invite email a brand makes Glimmer send (a new invite or a resend), for the
 * NETWORK_INVITES_PER_DAY cap: each one carries the brand's text to an address it chose.
 */
export class Migration20270310000000InviteSends extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table invite_send (
      id bigint generated always as identity primary key,
      brand_id uuid not null,
      invite_id uuid not null references invite (id),
      sent_at timestamptz not null default now()
    )`);
    this.addSql(`create index invite_send_brand_idx on invite_send (brand_id, sent_at)`);
  }
}
