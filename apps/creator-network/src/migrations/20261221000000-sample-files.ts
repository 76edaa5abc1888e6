import { Migration } from '@mikro-orm/migrations';

/**
 * Work samples uploaded as files: a sample is either a link (`url`) or a stored file (its key,
 * URL, detected content type and size), never both. Stored files (sample files and profile
 * photos) are looked up by key when served.
 */
export class Migration20261221000000SampleFiles extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table work_sample alter column url drop not null,
         add column file_key text,
         add column file_url text,
         add column file_content_type text,
         add column file_size integer`,
    );
    this.addSql(
      `alter table work_sample add constraint work_sample_link_or_file_check check (
         (url is not null and file_key is null and file_url is null
           and file_content_type is null and file_size is null)
         or (url is null and file_key is not null and file_url is not null
           and file_content_type is not null and file_size > 0))`,
    );
    this.addSql(
      `create unique index work_sample_file_key_idx on work_sample (file_key)
         where file_key is not null`,
    );
    this.addSql(
      `create index creator_photo_key_idx on creator (photo_key) where photo_key is not null`,
    );
  }
}
