import 'reflect-metadata';
import { loadConfig } from '@glimmer/config/config';
import { gatewayConfigSchema } from './gateway.config';
import { startGateway } from './http/bootstrap';
import { migrateGateway } from './migrate';
import { deadLetterCli, isDeadLetterCommand } from './ops/cli/dead-letters.command';
import { isOpsActionCommand, opsActionCli } from './ops/cli/ops-actions.command';

/**
 * `node main.js [serve|migrate|dead-letters:*|jobs:*|deposit:*|payout:*]`: one entry point,
 * so the deploy step, the ops tools and the service agree (`npm run ops -- <command>`).
 */
async function main(command = 'serve', args: string[] = []): Promise<void> {
  const config = loadConfig(gatewayConfigSchema);
  switch (command) {
    case 'serve':
      await startGateway(config);
      return;
    case 'migrate': {
      const applied = await migrateGateway(config);
      console.log(JSON.stringify({ service: 'gateway', migrated: applied }));
      return;
    }
    default:
      if (isDeadLetterCommand(command)) {
        // Not found (or a broker failure) exits 1, bad usage 2: a script can tell them apart.
        process.exitCode = await deadLetterCli(config, command, args);
        return;
      }
      if (isOpsActionCommand(command)) {
        process.exitCode = await opsActionCli(config, command, args);
        return;
      }
      throw new Error(
        `unknown command "${command}" (serve | migrate | dead-letters:list [--service <service>] | dead-letters:replay <id> | dead-letters:discard <id> | jobs:stuck [--queue <queue>] | jobs:retry [--queue <queue>] | deposit:confirm-funds <creditInvoiceId> | payout:show <id> | payout:retry <id>)`,
      );
  }
}

main(process.argv[2], process.argv.slice(3)).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
