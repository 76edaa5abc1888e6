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
import { BillingProfilesModule } from './billing-profiles/billing-profiles.module';
import { CreditInvoicesModule } from './credit-invoices/credit-invoices.module';
import { InvoicingConfig, invoicingDatabase } from './invoicing.config';
import { ProjectInvoicesModule } from './project-invoices/project-invoices.module';

/**
 * The invoicing service: credit invoices (projected from deposits), billing profiles, and project
 * invoices with the credit applied to them.
 */
@Module({})
export class InvoicingModule {
  static forRoot(config: InvoicingConfig): DynamicModule {
    return {
      module: InvoicingModule,
      imports: [
        ConfigModule.forValue(config),
        LoggerModule.forService('invoicing', config.LOG_LEVEL),
        DatabaseModule.forService(invoicingDatabase(config)),
        MessagingModule.forService(messagingOptionsFrom('invoicing', config)),
        BillingProfilesModule,
        CreditInvoicesModule,
        ProjectInvoicesModule,
        HealthModule.forService({ checks: [DatabaseReadiness, BrokerReadiness] }),
        MetricsModule.forService('invoicing'),
      ],
    };
  }
}
