import 'reflect-metadata';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { migrateDatabaseAndBroker, runServiceMain } from '@glimmer/messaging/service-main';
import { creditConfigSchema, creditDatabase } from './credit.config';
import { CreditModule } from './credit.module';
import { verifyLedgerCommand } from './ledger/ledger-verify.command';

runServiceMain({
  service: 'credit',
  configSchema: creditConfigSchema,
  serve: async (config) => {
    await bootstrapService(CreditModule.forRoot(config), config.HEALTH_PORT);
  },
  migrate: (config) => migrateDatabaseAndBroker('credit', creditDatabase(config), config),
  commands: {
    'ledger:verify': async (config) => {
      const result = await verifyLedgerCommand(config);
      console.log(JSON.stringify(result, null, 2));
      // A broken invariant fails the command, so a cron or CI step can alert on it.
      process.exitCode = result.ok ? 0 : 1;
    },
  },
});
