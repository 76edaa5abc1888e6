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
import { CreatorsModule } from './creators/creators.module';
import { PayoutConfig, payoutDatabase } from './payout.config';
import { PayoutMethodsModule } from './payout-methods/payout-methods.module';
import { PayoutsModule } from './payouts/payouts.module';

/** The payout service: payout methods, payouts and their schedule, the provider adapter. */
@Module({})
export class PayoutModule {
  static forRoot(config: PayoutConfig): DynamicModule {
    return {
      module: PayoutModule,
      imports: [
        ConfigModule.forValue(config),
        LoggerModule.forService('payout', config.LOG_LEVEL),
        DatabaseModule.forService(payoutDatabase(config)),
        MessagingModule.forService(messagingOptionsFrom('payout', config)),
        CreatorsModule,
        PayoutMethodsModule,
        PayoutsModule,
        HealthModule.forService({ checks: [DatabaseReadiness, BrokerReadiness] }),
        MetricsModule.forService('payout'),
      ],
    };
  }
}
