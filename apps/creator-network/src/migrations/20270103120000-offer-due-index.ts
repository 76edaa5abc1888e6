import { Migration } from '@mikro-orm/migrations';

/**
 * The scheduler's offer sweep asks for still-`sent` offers past their due date: a partial index
 * keeps that a short range read however many decided offers pile up.
 */
export class Migration20270103120000OfferDueIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index offer_sent_due_idx on offer (due_date, id) where status = 'sent'`);
  }
}
