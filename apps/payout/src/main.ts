import 'reflect-metadata';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { runServiceMain } from '@glimmer/runtime/service-main';
import { payoutConfigSchema, payoutDatabase } from './payout.config';
import { PayoutModule } from './payout.module';

runServiceMain({
  service: 'payout',
  configSchema: payoutConfigSchema,
  serve: async (config) => {
    await bootstrapService(PayoutModule.forRoot(config), config.HEALTH_PORT);
  },
  database: payoutDatabase,
});
