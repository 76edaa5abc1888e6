import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_INBOX_SQL } from '@glimmer/messaging/outbox/outbox.sql';

export class Migration20270105000000Initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_INBOX_SQL) this.addSql(sql);

    // Creators as network.creator.joined describes them: whom payout notices are addressed to.
    this.addSql(`create table creator (
      id uuid primary key,
      name text not null,
      email text not null,
      updated_at timestamptz not null default now()
    )`);

    // Plain fields in `details`; secret ones sealed (AES-256-GCM) in `secret_ciphertext` with the
    // id of the key that sealed them, and shown only through `masked`.
    this.addSql(`create table payout_method (
      id uuid primary key,
      creator_id uuid not null,
      type text not null check (type in ('payoneer', 'local_bank_transfer', 'paypal')),
      country text not null check (country ~ '^[A-Z]{2}$'),
      details jsonb not null,
      masked jsonb not null,
      secret_key_id text,
      secret_ciphertext text,
      preferred boolean not null default false,
      idempotency_key text,
      request_hash text,
      created_at timestamptz not null default now(),
      constraint payout_method_creator_idempotency_key unique (creator_id, idempotency_key),
      check ((secret_ciphertext is null) = (secret_key_id is null))
    )`);
    this.addSql(`create index payout_method_creator_idx on payout_method (creator_id, created_at)`);
    // Exactly one preferred method per creator (at most one here; the service keeps at least one).
    this.addSql(`create unique index payout_method_one_preferred
      on payout_method (creator_id) where preferred`);

    // One payout per paid project invoice. `attempts` counts attempts started; `dispatch_at` is
    // when the next one is due; `due_by` is the promise (invoice paid + PAYOUT_MAX_DAYS).
    this.addSql(`create table payout (
      id uuid primary key,
      invoice_id uuid not null,
      project_id uuid not null,
      project_title text not null,
      brand_id uuid not null,
      creator_id uuid not null,
      amount bigint not null check (amount > 0),
      currency text not null,
      status text not null check (status in
        ('needs_method', 'scheduled', 'processing', 'paid', 'failed', 'needs_attention')),
      payout_method_id uuid references payout_method (id),
      invoice_paid_at timestamptz not null,
      due_by timestamptz not null,
      dispatch_at timestamptz,
      expected_date date,
      attempts int not null default 0 check (attempts >= 0),
      last_error text,
      provider_reference text,
      paid_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint payout_invoice_unique unique (invoice_id),
      check ((status = 'needs_method') = (dispatch_at is null)),
      check ((status = 'paid') = (paid_at is not null))
    )`);
    // A creator's list, newest first, optionally by status (keyset on created_at, id).
    this.addSql(`create index payout_creator_created_idx
      on payout (creator_id, created_at desc, id desc)`);
    this.addSql(`create index payout_creator_status_created_idx
      on payout (creator_id, status, created_at desc, id desc)`);
    this.addSql(`create index payout_project_idx on payout (project_id)`);
    // The sweep: attempts due, and attempts whose worker vanished mid-call.
    this.addSql(`create index payout_due_idx on payout (dispatch_at)
      where status in ('scheduled', 'failed')`);
    this.addSql(`create index payout_processing_idx on payout (updated_at)
      where status = 'processing'`);

    // The sandbox provider's own books, as a real provider keeps them: one transfer per
    // idempotency key, whose stored outcome answers every repeat of the key.
    this.addSql(`create table sandbox_provider_transfer (
      idempotency_key text primary key,
      payout_id uuid not null,
      amount bigint not null,
      currency text not null,
      outcome text not null check (outcome in ('paid', 'failed')),
      reference text,
      reason text,
      created_at timestamptz not null default now()
    )`);
    this.addSql(`create index sandbox_provider_transfer_payout_idx
      on sandbox_provider_transfer (payout_id)`);
  }
}
