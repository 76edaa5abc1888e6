import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CONFIG } from '@glimmer/config/config';
import type { SchedulerConfig } from '../scheduler.config';
import { coalesce } from './coalesce';
import { withRedisDeadline } from './deadline';
import { ONE_OFF_JOB_OPTIONS } from './job-options';
import { JobData, JobName, QUEUE_OF } from './job-types';
import { QUEUE_NAMES, QueueName } from './queue-names';

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

/** How long the first plain enqueue of a queue waits for company before its addBulk, in ms. */
export const BULK_WINDOW_MS = 1;
/** The most jobs in one addBulk: a full batch goes at once. */
export const BULK_MAX = 200;

interface PendingAdd {
  name: JobName;
  data: unknown;
  jobId: string;
  delay: number;
}

/** The one place jobs are queued: typed by job name, routed to its queue, de-duplicated by id. */
@Injectable()
export class JobQueue {
  private readonly queues: Record<QueueName, Queue>;
  private readonly timeoutMs: number;
  private readonly bulkAdders: Record<QueueName, (add: PendingAdd) => Promise<EnqueueResult>>;
  /** addBulk calls made (for tests: concurrent enqueues share one). */
  bulkAdds = 0;

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
    const bulkAdder = (name: QueueName) =>
      coalesce<PendingAdd, EnqueueResult>(
        (batch) =>
          withRedisDeadline(`add ${batch.length} jobs to ${name}`, this.timeoutMs, () =>
            this.addBatch(this.queues[name], batch),
          ),
        { windowMs: BULK_WINDOW_MS, maxBatch: BULK_MAX },
      );
    this.bulkAdders = Object.fromEntries(
      QUEUE_NAMES.map((name) => [name, bulkAdder(name)]),
    ) as Record<QueueName, (add: PendingAdd) => Promise<EnqueueResult>>;
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /**
   * Queues a job under its deterministic id unless one with that id exists. Plain enqueues (no
   * revive/rerun) of one queue that arrive within BULK_WINDOW_MS (or BULK_MAX of them) share
   * one round trip that asks Redis which ids exist and one `addBulk` of the rest; each caller
   * still learns `added` or `exists`, and only once Redis has its job. BullMQ's addBulk (a
   * pipeline of the same addJob script `add` runs) leaves an existing id alone and returns it
   * as if added, so existence is asked first, as `getJob` did: a concurrent add of the same id
   * by another replica between the two makes `added` merely optimistic, as before. The same id
   * twice in one batch is added once and the later callers get `exists`.
   */
  enqueue<N extends JobName>(
    name: N,
    data: JobData<N>,
    opts: EnqueueOptions,
  ): Promise<EnqueueResult> {
    if (opts.reviveFailed || opts.rerunCompleted) return this.enqueueOne(name, data, opts);
    const delay = Math.max(0, Math.round(opts.delay ?? 0));
    return this.bulkAdders[QUEUE_OF[name]]({ name, data, jobId: opts.jobId, delay });
  }

  private async addBatch(queue: Queue, batch: readonly PendingAdd[]): Promise<EnqueueResult[]> {
    const first = new Map<string, PendingAdd>();
    for (const p of batch) if (!first.has(p.jobId)) first.set(p.jobId, p);
    const unique = [...first.values()];
    const client = await queue.client;
    const pipeline = client.pipeline();
    // A job exists while its hash does (what getJob reads); runCommand forwards to ioredis's EXISTS.
    for (const p of unique) pipeline.runCommand('exists', [queue.toKey(p.jobId)]);
    const replies = (await pipeline.exec()) ?? [];
    const existed = new Set<string>();
    replies.forEach(([err, count], i) => {
      if (err) throw err;
      if (count === 1) existed.add(unique[i].jobId);
    });
    const toAdd = unique.filter((p) => !existed.has(p.jobId));
    if (toAdd.length > 0) {
      this.bulkAdds += 1;
      await queue.addBulk(
        toAdd.map((p) => ({
          name: p.name,
          data: p.data,
          opts: { ...ONE_OFF_JOB_OPTIONS, jobId: p.jobId, delay: p.delay },
        })),
      );
    }
    return batch.map((p) =>
      first.get(p.jobId) === p && !existed.has(p.jobId) ? 'added' : 'exists',
    );
  }

  /** One job on its own: the sweep's revive/rerun needs the existing job's state. */
  private async enqueueOne<N extends JobName>(
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
