import 'reflect-metadata';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { migrateDatabaseAndBroker, runServiceMain } from '@glimmer/messaging/service-main';
import { invoicingConfigSchema, invoicingDatabase } from './invoicing.config';
import { InvoicingModule } from './invoicing.module';

runServiceMain({
  service: 'invoicing',
  configSchema: invoicingConfigSchema,
  serve: async (config) => {
    await bootstrapService(InvoicingModule.forRoot(config), config.HEALTH_PORT);
  },
  migrate: (config) => migrateDatabaseAndBroker('invoicing', invoicingDatabase(config), config),
});
