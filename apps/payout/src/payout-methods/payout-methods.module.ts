import { Module } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import type { PayoutConfig } from '../payout.config';
import { CreatorsModule } from '../creators/creators.module';
import { PayoutCoreModule } from '../payouts/payout-core.module';
import { PayoutMethodNotices } from './payout-method-notices';
import { PayoutMethodSecrets } from './payout-method-secrets';
import { PayoutMethodRepository } from './payout-method.repository';
import { PayoutMethodsRpc } from './payout-methods.rpc';
import { AddPayoutMethod } from './add-payout-method.use-case';
import { PayoutMethodQueries } from './payout-methods.queries';
import { SetPreferredPayoutMethod } from './set-preferred-payout-method.use-case';
import { SecretBox } from './secret-box';

/** Payout methods: the per-country catalogue, validated details, secrets sealed at rest. */
@Module({
  imports: [PayoutCoreModule, CreatorsModule],
  controllers: [PayoutMethodsRpc],
  providers: [
    PayoutMethodRepository,
    PayoutMethodQueries,
    AddPayoutMethod,
    SetPreferredPayoutMethod,
    PayoutMethodNotices,
    PayoutMethodSecrets,
    {
      provide: SecretBox,
      useFactory: (config: PayoutConfig) =>
        new SecretBox(config.PAYOUT_ENCRYPTION_KEY, config.PAYOUT_ENCRYPTION_PREVIOUS_KEYS),
      inject: [CONFIG],
    },
  ],
  exports: [PayoutMethodRepository, PayoutMethodSecrets],
})
export class PayoutMethodsModule {}
