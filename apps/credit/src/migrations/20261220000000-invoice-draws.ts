import { Migration } from '@mikro-orm/migrations';

/**
 * Paying project invoices with credit: a new journal kind (available → the brand's settlement
 * account) and one row per invoice payment, keyed by the invoicing service's payment id.
 */
const INVOICE_DRAWS_SQL = [
  `alter table journal_transaction drop constraint journal_transaction_kind_check`,
  `alter table journal_transaction add constraint journal_transaction_kind_check
     check (kind in ('deposit_pending', 'deposit_cleared', 'deposit_voided', 'transfer', 'invoice_payment'))`,

  // The first decision for a payment id is final, refusals included: a late duplicate of a
  // refused request must not draw after the caller was told no (and recorded the refusal).
  // No foreign key on cost_code_id: a refusal may name a cost code that does not exist.
  `create table invoice_draw (
    payment_id uuid primary key,
    brand_id uuid not null,
    invoice_id uuid not null,
    cost_code_id uuid not null,
    amount bigint not null check (amount > 0),
    currency char(3) not null,
    status text not null check (status in ('drawn', 'refused')),
    transaction_id uuid unique references journal_transaction (id),
    error jsonb,
    created_at timestamptz not null default now(),
    constraint invoice_draw_outcome check (
      (status = 'drawn' and transaction_id is not null and error is null) or
      (status = 'refused' and transaction_id is null and error is not null))
  )`,
  `create index invoice_draw_invoice_idx on invoice_draw (invoice_id)`,
];

export class Migration20261220000000InvoiceDraws extends Migration {
  override async up(): Promise<void> {
    for (const sql of INVOICE_DRAWS_SQL) this.addSql(sql);
  }
}
