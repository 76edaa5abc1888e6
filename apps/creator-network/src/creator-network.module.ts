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
import { BrandsModule } from './brands/brands.module';
import { NetworkConfig, networkDatabase } from './creator-network.config';
import { CreatorsModule } from './creators/creators.module';
import { InvitesModule } from './invites/invites.module';
import { OffersModule } from './offers/offers.module';
import { ProjectsModule } from './projects/projects.module';

/** The creator network: invites, creators and profiles, memberships, offers, contracts, projects. */
@Module({})
export class CreatorNetworkModule {
  static forRoot(config: NetworkConfig): DynamicModule {
    return {
      module: CreatorNetworkModule,
      imports: [
        ConfigModule.forValue(config),
        LoggerModule.forService('creator-network', config.LOG_LEVEL),
        DatabaseModule.forService(networkDatabase(config)),
        MessagingModule.forService(messagingOptionsFrom('creator-network', config)),
        BrandsModule,
        CreatorsModule,
        InvitesModule,
        OffersModule,
        ProjectsModule,
        HealthModule.forService({ checks: [DatabaseReadiness, BrokerReadiness] }),
        MetricsModule.forService('creator-network'),
      ],
    };
  }
}
