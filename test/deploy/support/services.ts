import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZodTypeAny } from 'zod';
import { loadConfig } from '@glimmer/config/config';
import { SERVICES, type ServiceName } from '@glimmer/contracts/contract';

export const ROOT = join(__dirname, '..', '..', '..');

/** Every deployable service (`node dist/apps/<service>/src/main.js migrate|serve`): the one list. */
export { SERVICES };
export type Service = ServiceName;
export const BACK_END_SERVICES = SERVICES.filter((s) => s !== 'gateway');
export const INFRA = ['postgres', 'rabbitmq', 'redis'] as const;

/** Apps under apps/ whose entry point is a service's (`serve`, `migrate`: runServiceMain). */
export function servicesInSource(): string[] {
  return readdirSync(join(ROOT, 'apps')).filter((app) => {
    const main = join(ROOT, 'apps', app, 'src', 'main.ts');
    return existsSync(main) && readFileSync(main, 'utf8').includes('runServiceMain(');
  });
}

/** The zod schema a service validates its environment with (`apps/<s>/src/<s>.config.ts`). */
export async function configSchemaOf(service: string): Promise<ZodTypeAny> {
  const file = join(ROOT, 'apps', service, 'src', `${service}.config.ts`);
  const mod: Record<string, unknown> = await import(file);
  const schemas = Object.entries(mod).filter(
    ([name, value]) =>
      /ConfigSchema$/.test(name) && typeof (value as any)?.safeParse === 'function',
  );
  if (schemas.length !== 1) throw new Error(`${file}: expected one exported *ConfigSchema`);
  return schemas[0][1] as ZodTypeAny;
}

/** Starts the service's own config validation on `env`; throws its message when it refuses. */
export async function assertServiceAccepts(service: string, env: Record<string, string>) {
  loadConfig(await configSchemaOf(service), env);
}
