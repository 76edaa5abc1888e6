import { migrateService } from '@glimmer/database/migrate';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { GatewayConfig, gatewayDatabase } from './gateway.config';

/** The deploy step: the gateway's schema, then its broker objects. Returns the migrations applied. */
export async function migrateGateway(config: GatewayConfig): Promise<string[]> {
  const applied = await migrateService(gatewayDatabase(config));
  await migrateBroker(config.RABBITMQ_URL, 'gateway', { prefix: config.GLIMMER_PREFIX });
  return applied;
}
