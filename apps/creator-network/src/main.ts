import 'reflect-metadata';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { runServiceMain } from '@glimmer/runtime/service-main';
import { networkConfigSchema, networkDatabase } from './creator-network.config';
import { CreatorNetworkModule } from './creator-network.module';

runServiceMain({
  service: 'creator-network',
  configSchema: networkConfigSchema,
  serve: async (config) => {
    await bootstrapService(CreatorNetworkModule.forRoot(config), config.HEALTH_PORT);
  },
  database: networkDatabase,
});
