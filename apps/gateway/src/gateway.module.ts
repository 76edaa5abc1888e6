import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@glimmer/config/config.module';
import { DatabaseModule } from '@glimmer/database/database.module';
import { MessagingModule } from '@glimmer/messaging/messaging.module';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import { LoggerModule } from '@glimmer/observability/logger.module';
import { AccountsModule } from './accounts/accounts.module';
import { AuthModule } from './auth/auth.module';
import { CreditApiModule } from './credit/credit-api.module';
import { GatewayConfig, gatewayDatabase } from './gateway.config';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { OpsModule } from './ops/ops.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The public REST API. It owns identities (accounts, brand signups) and idempotency records;
 * everything else it asks the services for over RabbitMQ, on behalf of the authenticated actor.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forValue(config),
        LoggerModule.forService('gateway', config.LOG_LEVEL),
        DatabaseModule.forService(gatewayDatabase(config)),
        MessagingModule.forService(messagingOptionsFrom('gateway', config)),
        AuthModule.forRoot(config),
        AccountsModule,
        IdempotencyModule,
        CreditApiModule,
        WebhooksModule,
        OpsModule,
        HealthModule,
      ],
    };
  }
}
