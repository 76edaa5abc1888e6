import { Migration } from '@mikro-orm/migrations';

/**
 * Files now reach creator-network as metadata (the gateway streams the bytes to the file
 * storage): a photo's type, size and SHA-256 are recorded as a sample file's are, so quotas can
 * be counted. Photos stored before have no recorded size (they count as files, not as bytes)
 * and their type is read from their key's extension.
 */
export class Migration20270110000000StoredFileMetadata extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table creator add column photo_content_type text,
         add column photo_size integer check (photo_size > 0),
         add column photo_sha256 text`,
    );
    this.addSql(`alter table work_sample add column file_sha256 text`);
  }
}
