import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CONFIG } from '@glimmer/config/config';
import type { SchedulerConfig } from '../scheduler.config';
import { withRedisDeadline } from './deadline';
import { ONE_OFF_JOB_OPTIONS } from './job-options';
import { JobData, JobName, QUEUE_OF } from './job-types';
import { QueueName } from './queue-names';

export interface EnqueueOptions {
  /** Deterministic id (see `jobIds`): a job with this id that still exists makes this a no-op. */
  jobId: string;
  /** Milliseconds from now; negative counts as 0. */
  delay?: number;
  /**
   * When the job with this id exists but failed for good, run it again. The sweep uses this:
   * a deposit still pending after its job gave up deserves another try.
   */
  reviveFailed?: boolean;
  /**
   * When the job with this id exists and completed, run it again. The payout sweep uses this: a
   * payout the payout service still reports as due after its job completed (stuck in processing)
   * gets the same job again rather than a second one beside it.
   */
  rerunCompleted?: boolean;
}

export type EnqueueResult = 'added' | 'revived' | 'rerun' | 'exists';

/** The one place jobs are queued: typed by job name, routed to its queue, de-duplicated by id. */
@Injectable()
export class JobQueue {
  private readonly queues: Record<QueueName, Queue>;
  private readonly timeoutMs: number;

  constructor(
    @InjectQueue(QueueName.DepositClearing) depositClearing: Queue,
    @InjectQueue(QueueName.Sweeps) sweeps: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.OfferExpiry) offerExpiry: Queue,
    @InjectQueue(QueueName.PayoutDispatch) payoutDispatch: Queue,
    @Inject(CONFIG) config: SchedulerConfig,
  ) {
    this.queues = {
      [QueueName.DepositClearing]: depositClearing,
      [QueueName.Sweeps]: sweeps,
      [QueueName.Notifications]: notifications,
      [QueueName.OfferExpiry]: offerExpiry,
      [QueueName.PayoutDispatch]: payoutDispatch,
    };
    this.timeoutMs = config.RPC_TIMEOUT_MS;
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  async enqueue<N extends JobName>(
    name: N,
    data: JobData<N>,
    opts: EnqueueOptions,
  ): Promise<EnqueueResult> {
    const queue = this.queues[QUEUE_OF[name]];
    return withRedisDeadline(`add ${opts.jobId}`, this.timeoutMs, async () => {
      const delay = Math.max(0, Math.round(opts.delay ?? 0));
      const before = await queue.getJob(opts.jobId);
      if (!before) {
        // A concurrent add of the same id is still a no-op in Redis; `added` is then merely optimistic.
        await queue.add(name, data, { ...ONE_OFF_JOB_OPTIONS, jobId: opts.jobId, delay });
        return 'added';
      }
      const state = opts.reviveFailed || opts.rerunCompleted ? await before.getState() : undefined;
      try {
        if (opts.reviveFailed && state === 'failed') {
          await before.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          return 'revived';
        }
        if (opts.rerunCompleted && state === 'completed') {
          await before.retry('completed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          return 'rerun';
        }
      } catch (err) {
        // Another replica moved it first (it is waiting again, or was removed): it is in hand.
        if (!(await queue.getJob(opts.jobId))) throw err;
      }
      return 'exists';
    });
  }
}
