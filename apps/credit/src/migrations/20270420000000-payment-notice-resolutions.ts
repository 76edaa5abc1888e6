import { Migration } from '@mikro-orm/migrations';

/**
 * Ops record what they did with a payment that cleared nothing (refunded it, credited it by
 * hand, or the provider reversed it), who did and when, with a note; the open list is what is
 * left. All four fields are set together, once.
 */
export class Migration20270420000000PaymentNoticeResolutions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table payment_notice
      add column resolution text check (resolution in
        ('refunded', 'credited_manually', 'reversed_by_provider')),
      add column resolution_note text check (char_length(resolution_note) between 1 and 500),
      add column resolved_by uuid,
      add column resolved_by_email text,
      add column resolved_at timestamptz,
      add constraint payment_notice_resolved_once check (
        (resolution is null and resolution_note is null and resolved_by is null and resolved_at is null)
        or (resolution is not null and resolution_note is not null and resolved_by is not null
          and resolved_at is not null and outcome <> 'applied'))`);
    // The open list (oldest first) and the resolved one, each on its own partial index.
    this.addSql(`drop index payment_notice_unmatched_idx`);
    this.addSql(`create index payment_notice_open_idx on payment_notice (received_at, id)
      where outcome <> 'applied' and resolved_at is null`);
    this.addSql(`create index payment_notice_resolved_idx on payment_notice (received_at, id)
      where resolved_at is not null`);
  }
}
