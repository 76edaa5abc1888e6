import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { databaseOptions, schemaFor, ServiceDatabase } from './database.options';

/** Creates the database named in `databaseUrl` when it does not exist yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client
        .query(`create database "${name.replace(/"/g, '""')}"`)
        .catch((err: { code?: string }) => {
          if (err.code !== '42P04') throw err; // created meanwhile by a concurrent migrate
        });
    }
  } finally {
    await client.end();
  }
}

/**
 * Applies a service's pending migrations, each in a transaction. Run once as a deploy step
 * (`npm start` and the k8s migration Job do), never on every replica's boot.
 */
export async function migrateService(db: ServiceDatabase): Promise<string[]> {
  await ensureDatabase(db.databaseUrl);
  const orm = await MikroORM.init(databaseOptions(db));
  try {
    await orm.em
      .getConnection()
      .execute(`create schema if not exists "${schemaFor(db.prefix, db.service)}"`);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
