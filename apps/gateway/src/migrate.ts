import { migrateDatabaseAndBroker } from '@glimmer/messaging/service-main';
import { GatewayConfig, gatewayDatabase } from './gateway.config';

/** The deploy step: the gateway's schema, then its broker objects. */
export function migrateGateway(config: GatewayConfig): Promise<{ migrated: string[] }> {
  return migrateDatabaseAndBroker('gateway', gatewayDatabase(config), config);
}
