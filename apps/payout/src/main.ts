import 'reflect-metadata';
import { loadConfig } from '@glimmer/config/config';
import { migrateService } from '@glimmer/database/migrate';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { payoutConfigSchema, payoutDatabase } from './payout.config';
import { PayoutModule } from './payout.module';

/** `node main.js [serve|migrate]`: one entry point, so the deploy step and the service agree. */
async function main(command = 'serve'): Promise<void> {
  const config = loadConfig(payoutConfigSchema);
  switch (command) {
    case 'serve':
      await bootstrapService(PayoutModule.forRoot(config), config.HEALTH_PORT);
      return;
    case 'migrate': {
      const applied = await migrateService(payoutDatabase(config));
      await migrateBroker(config.RABBITMQ_URL, 'payout', { prefix: config.GLIMMER_PREFIX });
      console.log(JSON.stringify({ service: 'payout', migrated: applied }));
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
