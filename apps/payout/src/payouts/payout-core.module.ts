import { Module } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import { PayoutMetrics } from '../common/payout-metrics';
import { CreatorsModule } from '../creators/creators.module';
import type { PayoutConfig } from '../payout.config';
import { PayoutEvents } from './payout-events';
import { PayoutRepository } from './payout.repository';
import { ReleaseWaitingPayouts } from './release-waiting-payouts.use-case';
import { payoutTimingFrom, SCHEDULE_RULES } from './schedule-rules';

/**
 * The payout rows, their timetable and their notices: shared by payout methods (adding one
 * releases waiting payouts) and by the payouts module (which also needs the methods).
 */
@Module({
  imports: [CreatorsModule],
  providers: [
    PayoutRepository,
    PayoutEvents,
    PayoutMetrics,
    ReleaseWaitingPayouts,
    {
      provide: SCHEDULE_RULES,
      useFactory: (config: PayoutConfig) => payoutTimingFrom(config),
      inject: [CONFIG],
    },
  ],
  exports: [PayoutRepository, PayoutEvents, PayoutMetrics, ReleaseWaitingPayouts, SCHEDULE_RULES],
})
export class PayoutCoreModule {}
