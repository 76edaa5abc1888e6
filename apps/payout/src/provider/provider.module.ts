import { Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import type { PayoutConfig } from '../payout.config';
import { PAYOUT_PROVIDER, PayoutProvider } from './payout-provider';
import { SandboxPayoutProvider } from './sandbox-payout-provider';

/** The payout provider adapter chosen by PAYOUT_PROVIDER (the sandbox is the one shipped). */
@Module({
  providers: [
    {
      provide: PAYOUT_PROVIDER,
      useFactory: (config: PayoutConfig, orm: MikroORM): PayoutProvider => {
        switch (config.PAYOUT_PROVIDER) {
          case 'sandbox':
            return new SandboxPayoutProvider(orm, {
              failRate: config.PAYOUT_SANDBOX_FAIL_RATE,
              latencyMs: config.PAYOUT_SANDBOX_LATENCY_MS,
            });
        }
      },
      inject: [CONFIG, MikroORM],
    },
  ],
  exports: [PAYOUT_PROVIDER],
})
export class ProviderModule {}
