import 'reflect-metadata';
import { loadConfig } from '@glimmer/config/config';
import { gatewayConfigSchema } from './gateway.config';
import { startGateway } from './http/bootstrap';
import { migrateGateway } from './migrate';

/** `node main.js [serve|migrate]`: one entry point, so the deploy step and the service agree. */
async function main(command = 'serve'): Promise<void> {
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
      throw new Error(`unknown command "${command}" (serve | migrate)`);
  }
}

main(process.argv[2]).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
