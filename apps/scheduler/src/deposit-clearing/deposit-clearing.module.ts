import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { DepositClearingProcessor } from './deposit-clearing.processor';
import { DepositClearingScheduler } from './deposit-clearing.scheduler';
import { DepositClearingEvents } from './deposit-clearing.events';

/** Pending deposits → (sandbox) funds confirmation → clearing after the hold. */
@Module({
  imports: [JobsModule],
  controllers: [DepositClearingEvents],
  providers: [DepositClearingScheduler, DepositClearingProcessor],
  exports: [DepositClearingScheduler],
})
export class DepositClearingModule {}
