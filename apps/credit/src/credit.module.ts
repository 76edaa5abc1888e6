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
import { CostCodesModule } from './cost-codes/cost-codes.module';
import { CreditConfig, creditDatabase } from './credit.config';
import { DepositsModule } from './deposits/deposits.module';
import { InvoiceDrawsModule } from './invoice-draws/invoice-draws.module';
import { LedgerMetrics } from './ledger/ledger.metrics';
import { LedgerModule } from './ledger/ledger.module';
import { OverviewModule } from './overview/overview.module';
import { TransfersModule } from './transfers/transfers.module';

/** The credit service: cost codes, deposits, transfers, invoice draws and the double-entry ledger. */
@Module({})
export class CreditModule {
  static forRoot(config: CreditConfig): DynamicModule {
    return {
      module: CreditModule,
      imports: [
        ConfigModule.forValue(config),
        LoggerModule.forService('credit', config.LOG_LEVEL),
        DatabaseModule.forService(creditDatabase(config)),
        MessagingModule.forService(messagingOptionsFrom('credit', config)),
        LedgerModule,
        CostCodesModule,
        DepositsModule,
        TransfersModule,
        InvoiceDrawsModule,
        OverviewModule,
        HealthModule.forService({ checks: [DatabaseReadiness, BrokerReadiness] }),
        MetricsModule.forService('credit'),
      ],
      providers: [LedgerMetrics],
    };
  }
}
