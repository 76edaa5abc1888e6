import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKernelModule } from '@glimmer/runtime/service-kernel.module';
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
        ServiceKernelModule.forService({
          service: 'creator-network',
          config,
          database: networkDatabase(config),
        }),
        BrandsModule,
        CreatorsModule,
        InvitesModule,
        OffersModule,
        ProjectsModule,
      ],
    };
  }
}
