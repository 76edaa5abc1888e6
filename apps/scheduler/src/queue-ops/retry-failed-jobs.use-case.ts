import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import type { RetriedJobsView } from '@glimmer/contracts/scheduler/jobs.messages';
import { QUEUE_NAMES, QueueName } from '@glimmer/contracts/scheduler/queues';
import { withRedisDeadline } from '../jobs/deadline';
import { JobQueue } from '../jobs/job-queue.service';
import type { SchedulerConfig } from '../scheduler.config';

/**
 * Re-enqueues the failed jobs of one queue (or all). Safe at any time: every job re-checks the
 * owning service's state through an idempotent RPC before acting.
 */
@Injectable()
export class RetryFailedJobs {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(CONFIG) private readonly config: SchedulerConfig,
  ) {}

  async execute(command: { queue?: QueueName }): Promise<RetriedJobsView> {
    const names = command.queue ? [command.queue] : [...QUEUE_NAMES];
    const view: RetriedJobsView = {};
    for (const name of names) {
      const queue = this.jobs.queue(name);
      view[name] = await withRedisDeadline(
        `retry failed jobs of ${name}`,
        this.config.RPC_TIMEOUT_MS,
        async () => {
          const retried = await queue.getJobCountByTypes('failed');
          await queue.retryJobs({ state: 'failed' });
          return { retried };
        },
      );
    }
    return view;
  }
}
