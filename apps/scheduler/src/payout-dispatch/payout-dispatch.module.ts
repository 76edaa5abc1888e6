import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { PayoutDispatchProcessor } from './payout-dispatch.processor';
import { PayoutDispatchScheduler } from './payout-dispatch.scheduler';
import { PayoutDispatchEvents } from './payout-dispatch.events';

/** Scheduled payout attempts → a delayed job at `dispatchAt` → the payout service sends it. */
@Module({
  imports: [JobsModule],
  controllers: [PayoutDispatchEvents],
  providers: [PayoutDispatchScheduler, PayoutDispatchProcessor],
  exports: [PayoutDispatchScheduler],
})
export class PayoutDispatchModule {}
