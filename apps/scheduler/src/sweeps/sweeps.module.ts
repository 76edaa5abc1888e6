import { Module } from '@nestjs/common';
import { DepositClearingModule } from '../deposit-clearing/deposit-clearing.module';
import { JobsModule } from '../jobs/jobs.module';
import { PendingDepositSweepProcessor } from './pending-deposit-sweep.processor';

/** Periodic re-checks. Their schedules are registered by `main.js migrate` (see *.cron.ts). */
@Module({
  imports: [DepositClearingModule, JobsModule],
  providers: [PendingDepositSweepProcessor],
})
export class SweepsModule {}
