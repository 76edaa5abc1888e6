import { Migration } from '@mikro-orm/migrations';

/**
 * Profile photos (on the creator, so a photo can come before the rest of the profile) and the
 * `expired` offer status the scheduler's offer-expiry job sets once the due date has passed.
 */
export class Migration20261215000000PhotoAndOfferExpiry extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table creator add column photo_url text, add column photo_key text`);
    this.addSql(`alter table offer drop constraint offer_status_check`);
    this.addSql(
      `alter table offer add constraint offer_status_check
         check (status in ('sent', 'accepted', 'declined', 'withdrawn', 'expired'))`,
    );
  }
}
