import type { ZodTypeAny, z } from 'zod';
import { loadConfig } from '@glimmer/config/config';
import type { ServiceName } from '@glimmer/contracts/contract';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { migrateBroker } from './broker-setup';

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
  /** The deploy step: what it applied, printed as one JSON line. */
  migrate: (config: z.infer<S>) => Promise<Record<string, unknown>>;
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

/** Runs the command named in `argv` (default `serve`); an error ends the process with 1. */
export function runServiceMain<S extends ZodTypeAny>(
  entry: ServiceEntry<S>,
  [command = 'serve', ...args]: string[] = process.argv.slice(2),
): void {
  const commands: Record<string, ServiceCommand<z.infer<S>>> = {
    serve: entry.serve,
    migrate: async (config) => {
      const result = await entry.migrate(config);
      process.stdout.write(`${JSON.stringify({ service: entry.service, ...result })}\n`);
    },
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
