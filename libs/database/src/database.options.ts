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
  /**
   * Tables written with SQL on purpose (the outbox and inbox, the ledger): they have no entity,
   * so MikroORM's schema diff leaves them alone.
   */
  sqlTables?: readonly string[];
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
    schemaGenerator: { skipTables: [...(db.sqlTables ?? [])] },
    driverOptions: { connection: { options: `-c search_path=${schema}` } },
    pool: { min: 0, max: db.poolMax ?? 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      // Generated migrations (`migration:create`) land beside the checked-in ones, named like them.
      path: `apps/${db.service}/src/migrations`,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `${timestamp}-${name ?? 'schema'}`,
      // Tables that are SQL on purpose (ledger, outbox, inbox) have no entity: never drop them.
      dropTables: false,
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
