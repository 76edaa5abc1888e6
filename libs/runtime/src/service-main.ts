import type { ZodTypeAny, z } from 'zod';
import { loadConfig } from '@glimmer/config/config';
import type { ServiceName } from '@glimmer/contracts/contract';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { createMigrationFromEntities } from '@glimmer/database/schema-diff';
import { migrateBroker } from '@glimmer/messaging/broker-setup';

/** One command of a service's entry point; it sets `process.exitCode` when it fails softly. */
export type ServiceCommand<C> = (config: C, args: string[]) => Promise<void>;

/**
 * A service's entry point: `node main.js [serve|migrate|<ops command>] [args…]`. One entry per
 * service, so the deploy step, the ops tools and the running service read one configuration.
 */
export interface ServiceEntry<S extends ZodTypeAny> {
  service: ServiceName;
  configSchema: S;
  serve: ServiceCommand<z.infer<S>>;
  /**
   * The service's database, when it has one: `migrate` then applies its migrations and declares
   * its broker objects, and `migration:create <name>` writes a migration generated from its
   * entity metadata (a development command: run it from the repository root).
   */
  database?: (config: z.infer<S>) => ServiceDatabase;
  /** The deploy step: what it applied, printed as one JSON line. Defaults to database + broker. */
  migrate?: (config: z.infer<S>) => Promise<Record<string, unknown>>;
  /** Ops commands beside serve and migrate, by name. */
  commands?: Record<string, ServiceCommand<z.infer<S>>>;
}

/** The usual `migrate` of a service with a database: its schema, then its broker objects. */
export async function migrateDatabaseAndBroker(
  service: ServiceName,
  database: ServiceDatabase,
  broker: { RABBITMQ_URL: string; GLIMMER_PREFIX: string },
): Promise<{ migrated: string[] }> {
  const migrated = await migrateService(database);
  await migrateBroker(broker.RABBITMQ_URL, service, { prefix: broker.GLIMMER_PREFIX });
  return { migrated };
}

function databaseCommands<S extends ZodTypeAny>(
  entry: ServiceEntry<S>,
): Record<string, ServiceCommand<z.infer<S>>> {
  const { database } = entry;
  if (!database) return {};
  return {
    'migration:create': async (config, [name]) => {
      if (!name || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) {
        throw new Error('usage: migration:create <kebab-case-name>');
      }
      const file = await createMigrationFromEntities(database(config), name);
      process.stdout.write(
        file
          ? `wrote apps/${entry.service}/src/migrations/${file}: review it, then list it in that folder's index.ts\n`
          : 'the entities and the migrations agree: nothing to write\n',
      );
    },
  };
}

/** Runs the command named in `argv` (default `serve`); an error ends the process with 1. */
export function runServiceMain<S extends ZodTypeAny>(
  entry: ServiceEntry<S>,
  [command = 'serve', ...args]: string[] = process.argv.slice(2),
): void {
  const migrate =
    entry.migrate ??
    ((config: z.infer<S>) => {
      if (!entry.database) return Promise.resolve({});
      return migrateDatabaseAndBroker(entry.service, entry.database(config), config);
    });
  const commands: Record<string, ServiceCommand<z.infer<S>>> = {
    serve: entry.serve,
    migrate: async (config) => {
      const result = await migrate(config);
      process.stdout.write(`${JSON.stringify({ service: entry.service, ...result })}\n`);
    },
    ...databaseCommands(entry),
    ...entry.commands,
  };
  const run = async () => {
    const chosen = commands[command];
    if (!chosen)
      throw new Error(`unknown command "${command}" (${Object.keys(commands).join(' | ')})`);
    await chosen(loadConfig(entry.configSchema), args);
  };
  run().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
