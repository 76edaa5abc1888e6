import 'reflect-metadata';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { runServiceMain } from '@glimmer/runtime/service-main';
import { creditConfigSchema, creditDatabase } from './credit.config';
import { CreditModule } from './credit.module';
import { verifyLedgerCommand } from './ledger/ledger-verify.command';

runServiceMain({
  service: 'credit',
  configSchema: creditConfigSchema,
  serve: async (config) => {
    await bootstrapService(CreditModule.forRoot(config), config.HEALTH_PORT);
  },
  database: creditDatabase,
  commands: {
    'ledger:verify': async (config) => {
      const result = await verifyLedgerCommand(config);
      console.log(JSON.stringify(result, null, 2));
      // A broken invariant fails the command, so a cron or CI step can alert on it.
      process.exitCode = result.ok ? 0 : 1;
    },
  },
});
