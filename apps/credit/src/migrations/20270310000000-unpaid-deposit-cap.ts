import { Migration } from '@mikro-orm/migrations';

/** Counting a brand's unpaid deposits (the CREDIT_MAX_UNPAID_DEPOSITS cap) reads only those. */
export class Migration20270310000000UnpaidDepositCap extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index deposit_brand_unpaid_idx on deposit (brand_id)
        where status = 'pending' and funds_confirmed_at is null`,
    );
  }
}
