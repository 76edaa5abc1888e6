import 'reflect-metadata';
import { loadConfig } from '@glimmer/config/config';
import { migrateService } from '@glimmer/database/migrate';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { networkConfigSchema, networkDatabase } from './creator-network.config';
import { CreatorNetworkModule } from './creator-network.module';

/** `node main.js [serve|migrate]`: one entry point, so the deploy step and the service agree. */
async function main(command = 'serve'): Promise<void> {
  const config = loadConfig(networkConfigSchema);
  switch (command) {
    case 'serve':
      await bootstrapService(CreatorNetworkModule.forRoot(config), config.HEALTH_PORT);
      return;
    case 'migrate': {
      const applied = await migrateService(networkDatabase(config));
      await migrateBroker(config.RABBITMQ_URL, 'creator-network', {
        prefix: config.GLIMMER_PREFIX,
      });
      console.log(JSON.stringify({ service: 'creator-network', migrated: applied }));
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
