import { Migration } from '@mikro-orm/migrations';

/** Ops' list of deposits by status, oldest first (keyset on created_at, id). */
export class Migration20270201000000OpsDepositList extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index deposit_status_created_idx on deposit (status, created_at, id)`);
  }
}
