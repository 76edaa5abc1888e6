import 'reflect-metadata';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { runServiceMain } from '@glimmer/runtime/service-main';
import { invoicingConfigSchema, invoicingDatabase } from './invoicing.config';
import { InvoicingModule } from './invoicing.module';

runServiceMain({
  service: 'invoicing',
  configSchema: invoicingConfigSchema,
  serve: async (config) => {
    await bootstrapService(InvoicingModule.forRoot(config), config.HEALTH_PORT);
  },
  database: invoicingDatabase,
});
