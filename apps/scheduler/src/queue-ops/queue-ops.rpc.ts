import { Controller } from '@nestjs/common';
import { requireOps } from '@glimmer/contracts/actor';
import {
  ListStuckJobsRpc,
  QueueJobsRequest,
  RetriedJobsView,
  RetryFailedJobsRpc,
  StuckJobsView,
} from '@glimmer/contracts/scheduler/jobs.messages';
import { OnRpc } from '@glimmer/messaging/handlers';
import { ListStuckJobs } from './list-stuck-jobs.use-case';
import { RetryFailedJobs } from './retry-failed-jobs.use-case';

/** Ops on the queues (the gateway's `jobs:stuck` / `jobs:retry`): only the scheduler knows Redis. */
@Controller()
export class QueueOpsRpc {
  constructor(
    private readonly listStuck: ListStuckJobs,
    private readonly retryFailed: RetryFailedJobs,
  ) {}

  @OnRpc(ListStuckJobsRpc)
  stuck(req: QueueJobsRequest): Promise<StuckJobsView> {
    requireOps(req.actor);
    return this.listStuck.execute({ queue: req.queue });
  }

  @OnRpc(RetryFailedJobsRpc)
  retry(req: QueueJobsRequest): Promise<RetriedJobsView> {
    requireOps(req.actor);
    return this.retryFailed.execute({ queue: req.queue });
  }
}
