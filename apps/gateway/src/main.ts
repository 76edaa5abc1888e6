import 'reflect-metadata';
import { runServiceMain, ServiceCommand } from '@glimmer/runtime/service-main';
import type { GatewayConfig } from './gateway.config';
import { gatewayConfigSchema, gatewayDatabase } from './gateway.config';
import { startGateway } from './http/bootstrap';
import { printOpenApi } from './http/openapi.command';
import { migrateGateway } from './migrate';
import { DEAD_LETTER_COMMANDS, deadLetterCli } from './ops/cli/dead-letters.command';
import { OPS_ACTION_COMMANDS, opsActionCli } from './ops/cli/ops-actions.command';

// Ops tools (`npm run ops -- <command>`): not found or a broker failure exits 1, bad usage 2,
// so a script can tell them apart.
const opsCommands: Record<string, ServiceCommand<GatewayConfig>> = Object.fromEntries([
  ['openapi', printOpenApi],
  ...DEAD_LETTER_COMMANDS.map((command) => [
    command,
    async (config: GatewayConfig, args: string[]) => {
      process.exitCode = await deadLetterCli(config, command, args);
    },
  ]),
  ...OPS_ACTION_COMMANDS.map((command) => [
    command,
    async (config: GatewayConfig, args: string[]) => {
      process.exitCode = await opsActionCli(config, command, args);
    },
  ]),
]);

runServiceMain({
  service: 'gateway',
  configSchema: gatewayConfigSchema,
  serve: async (config) => {
    await startGateway(config);
  },
  database: gatewayDatabase,
  migrate: migrateGateway,
  commands: opsCommands,
});
