import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKernelModule } from '@glimmer/runtime/service-kernel.module';
import { RedisReadiness } from '@glimmer/observability/redis.readiness';
import { DepositClearingModule } from './deposit-clearing/deposit-clearing.module';
import { bullOptions } from './jobs/bull-options';
import { NotificationsModule } from './notifications/notifications.module';
import { OfferExpiryModule } from './offer-expiry/offer-expiry.module';
import { PayoutDispatchModule } from './payout-dispatch/payout-dispatch.module';
import { QueueBoardModule } from './queue-board/queue-board.module';
import { QueueOpsModule } from './queue-ops/queue-ops.module';
import { SchedulerConfig } from './scheduler.config';
import { SweepSchedulesReadiness } from './sweeps/sweep-schedules.readiness';
import { SweepsModule } from './sweeps/sweeps.module';

/**
 * The scheduler: BullMQ queues and workers for deposit clearing, payout dispatch, sweeps, email
 * and offer expiry, the ops RPCs on those queues and Bull Board over them (served on the health
 * port to the gateway's ops proxy): the only code that knows them.
 * It owns no database; its state is the jobs in Redis, and every job re-checks the owning
 * service's state.
 */
@Module({})
export class SchedulerModule {
  static forRoot(config: SchedulerConfig): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [
        ServiceKernelModule.forService({
          service: 'scheduler',
          config,
          readiness: { checks: [RedisReadiness, SweepSchedulesReadiness], imports: [SweepsModule] },
        }),
        BullModule.forRoot(bullOptions(config)),
        DepositClearingModule,
        SweepsModule,
        NotificationsModule,
        OfferExpiryModule,
        PayoutDispatchModule,
        QueueOpsModule,
        QueueBoardModule,
      ],
    };
  }
}
