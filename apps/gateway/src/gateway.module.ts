import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@glimmer/config/config.module';
import { DatabaseModule } from '@glimmer/database/database.module';
import { DatabaseReadiness } from '@glimmer/database/database.readiness';
import { BrokerReadiness } from '@glimmer/messaging/broker.readiness';
import { MessagingModule } from '@glimmer/messaging/messaging.module';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import { HealthModule } from '@glimmer/observability/health.module';
import { LoggerModule } from '@glimmer/observability/logger.module';
import { MetricsModule } from '@glimmer/observability/metrics';
import { AccountsModule } from './accounts/accounts.module';
import { EmailVerificationModule } from './accounts/email-verification.module';
import { AuthModule } from './auth/auth.module';
import { CreditApiModule } from './credit/credit-api.module';
import { GatewayConfig, gatewayDatabase } from './gateway.config';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { InvoicingApiModule } from './invoicing/invoicing-api.module';
import { NetworkApiModule } from './network/network-api.module';
import { OpsModule } from './ops/ops.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { PayoutsApiModule } from './payouts/payouts-api.module';
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
        RateLimitModule,
        AuthModule.forRoot(config),
        AccountsModule,
        EmailVerificationModule,
        IdempotencyModule,
        CreditApiModule,
        NetworkApiModule,
        InvoicingApiModule,
        PayoutsApiModule,
        WebhooksModule,
        OpsModule,
        HealthModule.forService({ checks: [DatabaseReadiness, BrokerReadiness] }),
        MetricsModule.forService('gateway'),
      ],
    };
  }
}
