import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_INBOX_SQL } from '@glimmer/messaging/outbox/outbox.sql';

/**
 * The credit schema. Balances live on ledger_account and only change through journal entries
 * (LedgerService.post); the constraints below are the last line of defence if code ever gets
 * that wrong: no negative available/pending credit, no zero entry, no duplicate idempotency key.
 */
const CREDIT_SQL = [
  `create table cost_code (
    id uuid primary key,
    brand_id uuid not null,
    code text not null,
    name text not null,
    currency char(3) not null,
    created_at timestamptz not null default now()
  )`,
  // Finance teams read "OPS-1" and "ops-1" as the same code: uniqueness ignores case.
  `create unique index cost_code_brand_code_ci_key on cost_code (brand_id, lower(code))`,
  `create index cost_code_brand_keyset_idx on cost_code (brand_id, created_at, id)`,

  `create table ledger_account (
    id uuid primary key,
    brand_id uuid not null,
    cost_code_id uuid references cost_code (id),
    kind text not null check (kind in ('available', 'pending', 'funding', 'settlement')),
    currency char(3) not null,
    balance bigint not null default 0,
    created_at timestamptz not null default now(),
    constraint ledger_account_non_negative check (kind not in ('available', 'pending') or balance >= 0),
    constraint ledger_account_cost_code_kind check ((cost_code_id is null) = (kind in ('funding', 'settlement')))
  )`,
  `create unique index ledger_account_cost_code_kind_key on ledger_account (cost_code_id, kind)
     where cost_code_id is not null`,
  `create unique index ledger_account_system_key on ledger_account (brand_id, kind, currency)
     where cost_code_id is null`,

  `create table journal_transaction (
    id uuid primary key,
    brand_id uuid not null,
    kind text not null check (kind in ('deposit_pending', 'deposit_cleared', 'deposit_voided', 'transfer')),
    reference_id uuid not null,
    created_at timestamptz not null default now()
  )`,
  `create index journal_transaction_reference_idx on journal_transaction (reference_id)`,
  `create table journal_entry (
    id bigserial primary key,
    transaction_id uuid not null references journal_transaction (id),
    account_id uuid not null references ledger_account (id),
    amount bigint not null check (amount <> 0),
    created_at timestamptz not null default now()
  )`,
  `create index journal_entry_transaction_idx on journal_entry (transaction_id)`,
  `create index journal_entry_account_idx on journal_entry (account_id)`,

  `create table deposit (
    id uuid primary key,
    brand_id uuid not null,
    cost_code_id uuid not null references cost_code (id),
    amount bigint not null check (amount > 0),
    currency char(3) not null,
    status text not null check (status in ('pending', 'cleared', 'voided')),
    credit_invoice_id uuid not null unique,
    idempotency_key text not null,
    request_hash text not null,
    version int not null default 1,
    funds_confirmed_at timestamptz,
    funds_confirmed_by text,
    cleared_at timestamptz,
    voided_at timestamptz,
    created_at timestamptz not null default now(),
    constraint deposit_brand_idempotency_key unique (brand_id, idempotency_key)
  )`,
  // The scheduler's sweep pages through pending deposits by id.
  `create index deposit_pending_idx on deposit (id) where status = 'pending'`,
  `create index deposit_cost_code_pending_idx on deposit (cost_code_id) where status = 'pending'`,

  `create table transfer (
    id uuid primary key,
    brand_id uuid not null,
    from_cost_code_id uuid not null references cost_code (id),
    to_cost_code_id uuid not null references cost_code (id),
    amount bigint not null check (amount > 0),
    currency char(3) not null,
    idempotency_key text not null,
    request_hash text not null,
    created_at timestamptz not null default now(),
    constraint transfer_brand_idempotency_key unique (brand_id, idempotency_key),
    constraint transfer_distinct_cost_codes check (from_cost_code_id <> to_cost_code_id)
  )`,
];

export class Migration20261121000000Initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_INBOX_SQL) this.addSql(sql);
    for (const sql of CREDIT_SQL) this.addSql(sql);
  }
}
