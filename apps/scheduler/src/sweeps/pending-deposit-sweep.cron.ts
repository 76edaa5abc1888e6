import { Queue } from 'bullmq';
import { SWEEP_JOB_OPTIONS } from '../jobs/job-options';
import { JobData, JobName, PENDING_DEPOSIT_SWEEP_SCHEDULER_ID } from '../jobs/job-types';
import { QueueName } from '../jobs/queue-names';

/**
 * The pending-deposit sweep's schedule: one BullMQ job scheduler for the whole cluster (a fixed
 * id, so upserting it again replaces it rather than adding a second). Registered by the
 * scheduler's `migrate` step, once per deploy, never by each replica's boot.
 */
export async function upsertPendingDepositSweep(queue: Queue, everyMs: number): Promise<void> {
  if (queue.name !== QueueName.Sweeps)
    throw new Error(`the sweep belongs on ${QueueName.Sweeps}, not ${queue.name}`);
  const data: JobData<JobName.PendingDepositSweep> = {
    correlationId: PENDING_DEPOSIT_SWEEP_SCHEDULER_ID,
  };
  await queue.upsertJobScheduler(
    PENDING_DEPOSIT_SWEEP_SCHEDULER_ID,
    { every: everyMs },
    { name: JobName.PendingDepositSweep, data, opts: SWEEP_JOB_OPTIONS },
  );
}
