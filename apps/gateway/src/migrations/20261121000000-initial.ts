import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_INBOX_SQL } from '@glimmer/messaging/outbox/outbox.sql';

/** The gateway's own schema: who may sign in (identities), brand signups, idempotency records. */
export class Migration20261121000000Initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_INBOX_SQL) this.addSql(sql);
    this.addSql(`create table brand (
      id uuid primary key,
      name text not null,
      currency text not null,
      finance_email text not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create table user_account (
      id uuid primary key,
      email text not null,
      password_hash text not null,
      role text not null check (role in ('brand', 'creator', 'ops')),
      brand_id uuid references brand (id),
      creator_id uuid,
      name text not null,
      created_at timestamptz not null default now(),
      constraint user_account_brand_member check ((role = 'brand') = (brand_id is not null)),
      constraint user_account_creator check (role <> 'creator' or creator_id is not null)
    )`);
    this.addSql(`create unique index user_account_email_key on user_account (lower(email))`);
    this.addSql(`create index user_account_brand_idx on user_account (brand_id)`);
    this.addSql(`create table idempotency_record (
      scope text not null,
      key text not null,
      request_hash text not null,
      status text not null check (status in ('in_progress', 'completed')),
      response_status int,
      -- json, not jsonb: it keeps the text as sent, so a replay is byte for byte the first response
      response_body json,
      locked_until timestamptz not null,
      created_at timestamptz not null default now(),
      primary key (scope, key),
      constraint idempotency_record_completed check (status = 'in_progress' or response_status is not null)
    )`);
    this.addSql(`create index idempotency_record_created_idx on idempotency_record (created_at)`);
  }
}
