import 'reflect-metadata';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { migrateDatabaseAndBroker, runServiceMain } from '@glimmer/messaging/service-main';
import { payoutConfigSchema, payoutDatabase } from './payout.config';
import { PayoutModule } from './payout.module';

runServiceMain({
  service: 'payout',
  configSchema: payoutConfigSchema,
  serve: async (config) => {
    await bootstrapService(PayoutModule.forRoot(config), config.HEALTH_PORT);
  },
  migrate: (config) => migrateDatabaseAndBroker('payout', payoutDatabase(config), config),
});
