import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import type { StuckJobsView } from '@glimmer/contracts/scheduler/jobs.messages';
import { QUEUE_NAMES, QueueName } from '@glimmer/contracts/scheduler/queues';
import { withRedisDeadline } from '../jobs/deadline';
import { JobQueue } from '../jobs/job-queue.service';
import type { SchedulerConfig } from '../scheduler.config';

/** A delayed job this much past its time means no worker is taking it (a scheduler that is down). */
export const OVERDUE_AFTER_MS = 60_000;

/** Failed jobs (up to 100 per queue) and delayed jobs overdue by over a minute, per queue. */
@Injectable()
export class ListStuckJobs {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(CONFIG) private readonly config: SchedulerConfig,
  ) {}

  async execute(command: { queue?: QueueName }): Promise<StuckJobsView> {
    const names = command.queue ? [command.queue] : [...QUEUE_NAMES];
    const view: StuckJobsView = {};
    for (const name of names) {
      const queue = this.jobs.queue(name);
      view[name] = await withRedisDeadline(
        `stuck jobs of ${name}`,
        this.config.RPC_TIMEOUT_MS,
        async () => {
          const overdueBefore = Date.now() - OVERDUE_AFTER_MS;
          const failed = await queue.getJobs(['failed'], 0, 99);
          const delayed = await queue.getJobs(['delayed'], 0, 999);
          return {
            failed: failed.map((j) => ({
              id: j.id ?? null,
              name: j.name,
              reason: j.failedReason ?? null,
            })),
            overdue: delayed
              .filter((j) => j.timestamp + (j.opts.delay ?? 0) < overdueBefore)
              .map((j) => ({
                id: j.id ?? null,
                name: j.name,
                dueAt: new Date(j.timestamp + (j.opts.delay ?? 0)).toISOString(),
              })),
          };
        },
      );
    }
    return view;
  }
}
