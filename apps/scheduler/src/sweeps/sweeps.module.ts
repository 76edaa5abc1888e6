import { Module } from '@nestjs/common';
import { DepositClearingModule } from '../deposit-clearing/deposit-clearing.module';
import { JobsModule } from '../jobs/jobs.module';
import { PayoutDispatchModule } from '../payout-dispatch/payout-dispatch.module';
import { PayoutSweep } from './payout.sweep';
import { PendingDepositSweep } from './pending-deposit.sweep';
import { StalePaymentSweep } from './stale-payment.sweep';
import { SweepsProcessor } from './sweeps.processor';

/** Periodic re-checks. Their schedules are registered by `main.js migrate` (sweep-schedules.ts). */
@Module({
  imports: [DepositClearingModule, PayoutDispatchModule, JobsModule],
  providers: [PendingDepositSweep, PayoutSweep, StalePaymentSweep, SweepsProcessor],
})
export class SweepsModule {}
