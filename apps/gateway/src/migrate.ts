import { migrateDatabaseAndBroker } from '@glimmer/runtime/service-main';
import { seedOpsUser } from './accounts/ops-user.seeder';
import { GatewayConfig, gatewayDatabase } from './gateway.config';

/** The deploy step: the gateway's schema, its broker objects, then the ops account. */
export async function migrateGateway(
  config: GatewayConfig,
): Promise<{ migrated: string[]; opsEmail: string }> {
  const result = await migrateDatabaseAndBroker('gateway', gatewayDatabase(config), config);
  return { ...result, ...(await seedOpsUser(config)) };
}
