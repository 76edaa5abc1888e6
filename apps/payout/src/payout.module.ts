import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKernelModule } from '@glimmer/runtime/service-kernel.module';
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
        ServiceKernelModule.forService({
          service: 'payout',
          config,
          database: payoutDatabase(config),
        }),
        CreatorsModule,
        PayoutMethodsModule,
        PayoutsModule,
      ],
    };
  }
}
