import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ListStuckJobs } from './list-stuck-jobs.use-case';
import { QueueOpsRpc } from './queue-ops.rpc';
import { RetryFailedJobs } from './retry-failed-jobs.use-case';

/** What ops may ask of the queues over RPC. */
@Module({
  imports: [JobsModule],
  controllers: [QueueOpsRpc],
  providers: [ListStuckJobs, RetryFailedJobs],
})
export class QueueOpsModule {}
