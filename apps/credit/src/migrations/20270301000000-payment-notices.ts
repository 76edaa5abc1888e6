import { Migration } from '@mikro-orm/migrations';

/**
 * Every payment the provider's webhook told us about, once per provider reference (a repeated
 * notice finds its row), with what became of it. The ones that cleared nothing — wrong amount or
 * currency, late funds after a void, a second payment — are money ops must refund or re-open.
 */
export class Migration20270301000000PaymentNotices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table payment_notice (
      id uuid primary key,
      provider_reference text not null unique,
      credit_invoice_id uuid not null,
      deposit_id uuid not null references deposit (id),
      brand_id uuid not null,
      amount bigint not null check (amount > 0),
      currency char(3) not null,
      outcome text not null check (outcome in
        ('applied', 'amount_mismatch', 'currency_mismatch', 'deposit_voided', 'already_paid')),
      signed_at timestamptz,
      received_at timestamptz not null default now()
    )`);
    this.addSql(`create index payment_notice_deposit_idx on payment_notice (deposit_id)`);
    // Ops' list of money that cleared nothing, oldest first.
    this.addSql(`create index payment_notice_unmatched_idx on payment_notice (received_at, id)
      where outcome <> 'applied'`);
  }
}
