import { Migration } from '@mikro-orm/migrations';
import { OUTBOX_INBOX_SQL } from '@glimmer/messaging/outbox/outbox.sql';

export class Migration20261121000100Initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_INBOX_SQL) this.addSql(sql);

    // The brand's finance contact, projected from identity.brand.registered.
    this.addSql(`create table billing_profile (
      brand_id uuid primary key,
      name text not null,
      currency text not null,
      finance_email text not null,
      updated_at timestamptz not null default now()
    )`);

    // One per deposit; its id is the deposit's creditInvoiceId. `version` is the highest deposit
    // version applied, so events arriving late or twice never move an invoice backwards.
    this.addSql(`create table credit_invoice (
      id uuid primary key,
      brand_id uuid not null,
      deposit_id uuid not null unique,
      cost_code_id uuid not null,
      cost_code text not null,
      amount bigint not null check (amount > 0),
      currency text not null,
      status text not null check (status in ('unpaid', 'paid', 'void')),
      version int not null check (version >= 1),
      issued_at timestamptz not null,
      paid_at timestamptz,
      voided_at timestamptz,
      updated_at timestamptz not null default now()
    )`);
    // A brand's list, newest first, optionally by status (keyset pagination on issued_at, id).
    this.addSql(`create index credit_invoice_brand_status_issued_idx
      on credit_invoice (brand_id, status, issued_at desc, id desc)`);
    this.addSql(`create index credit_invoice_brand_issued_idx
      on credit_invoice (brand_id, issued_at desc, id desc)`);
  }
}
