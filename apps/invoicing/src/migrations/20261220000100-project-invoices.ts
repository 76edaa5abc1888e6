import { Migration } from '@mikro-orm/migrations';

/**
 * Project invoices, the cost codes that may pay them, and the credit applied to them. The
 * constraints are the last line of defence: an invoice is issued once per project and never
 * paid (plus reserved) beyond its amount, whatever the code above does.
 */
const PROJECT_INVOICES_SQL = [
  `create table project_invoice (
    id uuid primary key,
    project_id uuid not null,
    brand_id uuid not null,
    creator_id uuid not null,
    title text not null,
    cost_code_id uuid not null,
    story_code text not null,
    amount bigint not null check (amount > 0),
    amount_paid bigint not null default 0 check (amount_paid >= 0),
    amount_reserved bigint not null default 0 check (amount_reserved >= 0),
    currency text not null,
    status text not null check (status in ('unpaid', 'partially_paid', 'paid', 'void')),
    issued_at timestamptz not null default now(),
    paid_at timestamptz,
    voided_at timestamptz,
    updated_at timestamptz not null default now(),
    constraint project_invoice_project_key unique (project_id),
    constraint project_invoice_never_overpaid check (amount_paid + amount_reserved <= amount),
    constraint project_invoice_paid_status check ((status = 'paid') = (amount_paid = amount))
  )`,
  // A brand's list, newest first, optionally by status (keyset pagination on issued_at, id).
  `create index project_invoice_brand_issued_idx on project_invoice (brand_id, issued_at desc, id desc)`,
  `create index project_invoice_brand_status_issued_idx
     on project_invoice (brand_id, status, issued_at desc, id desc)`,
  `create index project_invoice_creator_idx on project_invoice (creator_id)`,

  // Cost codes whose credit may pay the invoice: the offer's (attached at issue) and any other.
  `create table project_invoice_cost_code (
    invoice_id uuid not null references project_invoice (id),
    cost_code_id uuid not null,
    attached_at timestamptz not null default now(),
    primary key (invoice_id, cost_code_id)
  )`,
  `create index project_invoice_cost_code_cost_code_idx on project_invoice_cost_code (cost_code_id)`,

  // One credit application. `pending` holds its amount in the invoice's amount_reserved until
  // credit's answer is recorded (applied or rejected); its id is credit's idempotency key.
  `create table invoice_payment (
    id uuid primary key,
    invoice_id uuid not null references project_invoice (id),
    brand_id uuid not null,
    cost_code_id uuid not null,
    amount bigint not null check (amount > 0),
    currency text not null,
    idempotency_key text not null,
    request_hash text not null,
    status text not null check (status in ('pending', 'applied', 'rejected')),
    error jsonb,
    created_at timestamptz not null default now(),
    settled_at timestamptz,
    constraint invoice_payment_idempotency_key unique (invoice_id, idempotency_key),
    constraint invoice_payment_rejection check ((status = 'rejected') = (error is not null))
  )`,
  `create index invoice_payment_pending_idx on invoice_payment (created_at) where status = 'pending'`,
];

export class Migration20261220000100ProjectInvoices extends Migration {
  override async up(): Promise<void> {
    for (const sql of PROJECT_INVOICES_SQL) this.addSql(sql);
  }
}
