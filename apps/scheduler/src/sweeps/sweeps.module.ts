import { Module } from '@nestjs/common';
import { DepositClearingModule } from '../deposit-clearing/deposit-clearing.module';
import { JobsModule } from '../jobs/jobs.module';
import { OfferExpiryModule } from '../offer-expiry/offer-expiry.module';
import { PayoutDispatchModule } from '../payout-dispatch/payout-dispatch.module';
import { OfferExpirySweep } from './offer-expiry.sweep';
import { PayoutSweep } from './payout.sweep';
import { PendingDepositSweep } from './pending-deposit.sweep';
import { StalePaymentSweep } from './stale-payment.sweep';
import { SweepScheduleKeeper } from './sweep-schedule.keeper';
import { SweepsProcessor } from './sweeps.processor';

/**
 * Periodic re-checks that re-derive due work from the services' state. Their schedules are
 * registered by `main.js migrate` and kept in Redis by every replica (SweepScheduleKeeper).
 */
@Module({
  imports: [DepositClearingModule, PayoutDispatchModule, OfferExpiryModule, JobsModule],
  providers: [
    PendingDepositSweep,
    PayoutSweep,
    StalePaymentSweep,
    OfferExpirySweep,
    SweepsProcessor,
    SweepScheduleKeeper,
  ],
  // Readiness (SweepSchedulesReadiness, in HealthModule) asks the keeper.
  exports: [SweepScheduleKeeper],
})
export class SweepsModule {}
