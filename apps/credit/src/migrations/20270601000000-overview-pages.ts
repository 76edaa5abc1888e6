import { Migration } from '@mikro-orm/migrations';

/**
 * The paged credits overview: its totals sum only a brand's pending deposits, and its "with
 * credit" page reads only the accounts above zero. The second index takes the balance into its
 * predicate, so a balance update is no longer a HOT update; B-tree bottom-up deletion keeps a
 * hot account's index entries from piling up between vacuums.
 */
export class Migration20270601000000OverviewPages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index deposit_brand_pending_idx on deposit (brand_id) include (amount)
        where status = 'pending'`,
    );
    this.addSql(
      `create index ledger_account_with_credit_idx on ledger_account (brand_id, cost_code_id)
        where cost_code_id is not null and balance > 0`,
    );
  }
}
