import { DynamicModule, Module, Type } from '@nestjs/common';
import { BaseConfig } from '@glimmer/config/config';
import { ConfigModule } from '@glimmer/config/config.module';
import type { ServiceName } from '@glimmer/contracts/contract';
import { DatabaseModule } from '@glimmer/database/database.module';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { DatabaseReadiness } from '@glimmer/database/database.readiness';
import { BrokerReadiness } from '@glimmer/messaging/broker.readiness';
import { MessagingModule } from '@glimmer/messaging/messaging.module';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import { HealthModule, ReadinessCheck } from '@glimmer/observability/health.module';
import { LoggerModule } from '@glimmer/observability/logger.module';
import { MetricsModule } from '@glimmer/observability/metrics';

export interface ServiceKernelOptions {
  service: ServiceName;
  config: BaseConfig & Parameters<typeof messagingOptionsFrom>[1];
  /** The service's own schema; without one (the scheduler) there is no outbox or inbox either. */
  database?: ServiceDatabase;
  /** Readiness checks beyond the database and the broker, and the modules that provide them. */
  readiness?: { checks: Type<ReadinessCheck>[]; imports?: Type[] };
}

/**
 * What every Glimmer service runs on, so a root module lists only its domain modules: the
 * validated config, the logger, the service's database, the broker (RPC client, outbox and
 * inbox), readiness checks (database and broker, plus the service's own) and metrics. All of
 * these modules are global, so the domain modules see their providers.
 */
@Module({})
export class ServiceKernelModule {
  static forService({ service, config, database, readiness }: ServiceKernelOptions): DynamicModule {
    const checks = [
      ...(database ? [DatabaseReadiness] : []),
      BrokerReadiness,
      ...(readiness?.checks ?? []),
    ];
    return {
      module: ServiceKernelModule,
      imports: [
        ConfigModule.forValue(config),
        LoggerModule.forService(service, config.LOG_LEVEL),
        ...(database ? [DatabaseModule.forService(database)] : []),
        MessagingModule.forService(messagingOptionsFrom(service, config), {
          database: !!database,
        }),
        HealthModule.forService({ checks, imports: readiness?.imports }),
        MetricsModule.forService(service),
      ],
    };
  }
}
