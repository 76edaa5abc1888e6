import { MikroORM } from '@mikro-orm/postgresql';
import { databaseOptions, ServiceDatabase } from './database.options';
import { migrateService } from './migrate';

/**
 * The SQL MikroORM would run to make a database match the service's entity metadata: '' when
 * the checked-in migrations and the entities agree. Tables without an entity (the ledger, the
 * outbox and the inbox are SQL on purpose) are left out rather than dropped.
 */
export async function pendingSchemaSql(orm: MikroORM): Promise<string> {
  const sql = await orm.schema.getUpdateSchemaSQL({
    wrap: false,
    dropTables: false,
    // Only this service's schema: the others in the same database are not its business.
    schema: orm.config.get('schema'),
  });
  return sql.trim();
}

/** Migrates `db` to the newest checked-in migration, then returns what the entities still want. */
export async function schemaDiffAfterMigrations(db: ServiceDatabase): Promise<string> {
  await migrateService(db);
  const orm = await MikroORM.init(databaseOptions(db));
  try {
    return await pendingSchemaSql(orm);
  } finally {
    await orm.close(true);
  }
}

/**
 * Writes a migration generated from the entity metadata (against a database migrated to the
 * newest checked-in migration) into the service's migrations folder; it still has to be
 * reviewed and listed in that folder's index.ts. Returns the file name, or undefined when the
 * entities and migrations already agree.
 */
export async function createMigrationFromEntities(
  db: ServiceDatabase,
  name: string,
): Promise<string | undefined> {
  await migrateService(db);
  const orm = await MikroORM.init(databaseOptions(db));
  try {
    const result = await orm.getMigrator().createMigration(undefined, false, false, name);
    return result.diff.up.length ? result.fileName : undefined;
  } finally {
    await orm.close(true);
  }
}
