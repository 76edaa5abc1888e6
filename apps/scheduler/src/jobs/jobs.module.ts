import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { JobMetrics } from './job-metrics';
import { JobQueue } from './job-queue.service';
import { QUEUE_NAMES } from './queue-names';
import { RedisPolicyCheck } from './redis-policy.check';

/** The scheduler's queues (connection and prefix come from BullModule.forRoot) and JobQueue. */
@Module({
  imports: [BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })))],
  providers: [JobQueue, JobMetrics, RedisPolicyCheck],
  exports: [JobQueue, JobMetrics, RedisPolicyCheck],
})
export class JobsModule {}
