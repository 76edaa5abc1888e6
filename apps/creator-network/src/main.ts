import 'reflect-metadata';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { migrateDatabaseAndBroker, runServiceMain } from '@glimmer/messaging/service-main';
import { networkConfigSchema, networkDatabase } from './creator-network.config';
import { CreatorNetworkModule } from './creator-network.module';

runServiceMain({
  service: 'creator-network',
  configSchema: networkConfigSchema,
  serve: async (config) => {
    await bootstrapService(CreatorNetworkModule.forRoot(config), config.HEALTH_PORT);
  },
  migrate: (config) => migrateDatabaseAndBroker('creator-network', networkDatabase(config), config),
});
