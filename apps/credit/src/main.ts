import 'reflect-metadata';
import { loadConfig } from '@glimmer/config/config';
import { migrateService } from '@glimmer/database/migrate';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { creditConfigSchema, creditDatabase } from './credit.config';
import { CreditModule } from './credit.module';
import { verifyLedgerCommand } from './ledger/ledger-verify.command';

/** `node main.js [serve|migrate|ledger:verify]`: one entry point, so the deploy step and the service agree. */
async function main(command = 'serve'): Promise<void> {
  const config = loadConfig(creditConfigSchema);
  switch (command) {
    case 'serve':
      await bootstrapService(CreditModule.forRoot(config), config.HEALTH_PORT);
      return;
    case 'migrate': {
      const applied = await migrateService(creditDatabase(config));
      await migrateBroker(config.RABBITMQ_URL, 'credit', { prefix: config.GLIMMER_PREFIX });
      console.log(JSON.stringify({ service: 'credit', migrated: applied }));
      return;
    }
    case 'ledger:verify': {
      const result = await verifyLedgerCommand(config);
      console.log(JSON.stringify(result, null, 2));
      // A broken invariant fails the command, so a cron or CI step can alert on it.
      process.exitCode = result.ok ? 0 : 1;
      return;
    }
    default:
      throw new Error(`unknown command "${command}" (serve | migrate | ledger:verify)`);
  }
}

main(process.argv[2]).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
