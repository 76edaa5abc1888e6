import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@glimmer/config/config.module';
import { DatabaseModule } from '@glimmer/database/database.module';
import { MessagingModule } from '@glimmer/messaging/messaging.module';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import { LoggerModule } from '@glimmer/observability/logger.module';
import { CreditConfig, creditDatabase } from './credit.config';

/** The credit service: cost codes, deposits, transfers and the double-entry ledger. */
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
      ],
    };
  }
}
