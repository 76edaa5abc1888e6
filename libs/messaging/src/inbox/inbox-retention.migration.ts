import { Migration } from '@mikro-orm/migrations';

/**
 * The inbox's retention deletes by age: an index on `processed_at` keeps each batch from
 * scanning the whole table. Every service with an inbox registers this migration in its list.
 */
export class InboxRetentionMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index if not exists processed_message_processed_at_idx on processed_message (processed_at)`,
    );
  }
}

export const INBOX_RETENTION_MIGRATION = {
  name: '20270415000000-inbox-retention',
  class: InboxRetentionMigration,
};
