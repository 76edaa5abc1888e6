import { Migration } from '@mikro-orm/migrations';

/**
 * The guided profile saves page by page, and the country of residence comes on its last page
 * (professional setup): a profile may be saved before the creator has chosen one.
 */
export class Migration20261231000000ProfileCountryOptional extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table creator_profile alter column country drop not null`);
  }
}
