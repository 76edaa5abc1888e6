import { defineConfig, Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';

/** One PostgreSQL schema per service, named with the environment prefix (`glimmer_credit`). */
export function schemaFor(prefix: string, service: string): string {
  return `${prefix}_${service.replace(/-/g, '_')}`;
}

export interface ServiceDatabase {
  service: string;
  prefix: string;
  databaseUrl: string;
  entities: Options['entities'];
  migrations: MigrationObject[];
  poolMax?: number;
  debug?: boolean;
}

/**
 * MikroORM options for one service. The connection's search_path is the service's schema, so
 * raw SQL and migrations name tables without a schema and can only touch their own service's.
 */
export function databaseOptions(db: ServiceDatabase): Options {
  const schema = schemaFor(db.prefix, db.service);
  return defineConfig({
    clientUrl: db.databaseUrl,
    schema,
    entities: db.entities,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    driverOptions: { connection: { options: `-c search_path=${schema}` } },
    pool: { min: 0, max: db.poolMax ?? 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: db.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: db.debug ?? false,
  });
}
