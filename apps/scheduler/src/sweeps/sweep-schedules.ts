import { Queue } from 'bullmq';
import { SWEEP_JOB_OPTIONS } from '../jobs/job-options';
import {
  JobName,
  OFFER_EXPIRY_SWEEP_SCHEDULER_ID,
  PAYOUT_SWEEP_SCHEDULER_ID,
  PENDING_DEPOSIT_SWEEP_SCHEDULER_ID,
  STALE_PAYMENT_SWEEP_SCHEDULER_ID,
} from '../jobs/job-types';
import { QueueName } from '../jobs/queue-names';
import type { SchedulerConfig } from '../scheduler.config';

type SweepJob =
  | JobName.PendingDepositSweep
  | JobName.PayoutSweep
  | JobName.StalePaymentSweep
  | JobName.OfferExpirySweep;

/** Every repeatable sweep: its scheduler id, job name and period. */
export function sweepSchedules(
  config: Pick<
    SchedulerConfig,
    | 'CREDIT_SWEEP_EVERY_MS'
    | 'PAYOUT_SWEEP_EVERY_MS'
    | 'PAYMENT_RESOLVE_EVERY_MS'
    | 'OFFER_SWEEP_EVERY_MS'
  >,
): { id: string; name: SweepJob; everyMs: number }[] {
  return [
    {
      id: PENDING_DEPOSIT_SWEEP_SCHEDULER_ID,
      name: JobName.PendingDepositSweep,
      everyMs: config.CREDIT_SWEEP_EVERY_MS,
    },
    {
      id: PAYOUT_SWEEP_SCHEDULER_ID,
      name: JobName.PayoutSweep,
      everyMs: config.PAYOUT_SWEEP_EVERY_MS,
    },
    {
      id: STALE_PAYMENT_SWEEP_SCHEDULER_ID,
      name: JobName.StalePaymentSweep,
      everyMs: config.PAYMENT_RESOLVE_EVERY_MS,
    },
    {
      id: OFFER_EXPIRY_SWEEP_SCHEDULER_ID,
      name: JobName.OfferExpirySweep,
      everyMs: config.OFFER_SWEEP_EVERY_MS,
    },
  ];
}

/**
 * The sweeps' schedules: one BullMQ job scheduler each for the whole cluster (a fixed id, so
 * upserting it again replaces it rather than adding a second). Registered by the scheduler's
 * `migrate` step and by every replica at start (SweepScheduleKeeper), with this config's periods.
 */
export async function upsertSweepSchedules(
  queue: Queue,
  config: Parameters<typeof sweepSchedules>[0],
  only?: readonly string[],
): Promise<void> {
  if (queue.name !== QueueName.Sweeps)
    throw new Error(`the sweeps belong on ${QueueName.Sweeps}, not ${queue.name}`);
  for (const { id, name, everyMs } of sweepSchedules(config)) {
    if (only && !only.includes(id)) continue;
    // A run's correlation id is `<scheduler id>.<job id>` (see GlimmerWorker).
    await queue.upsertJobScheduler(
      id,
      { every: everyMs },
      { name, data: { correlationId: id }, opts: SWEEP_JOB_OPTIONS },
    );
  }
}

/**
 * The ids of the sweeps that have no job scheduler in Redis (a Redis that came back empty, a
 * key deleted by hand). Only absence counts: a period that differs from this replica's config
 * is another replica's (a rolling deploy), not something to fight over.
 */
export async function missingSweepSchedules(
  queue: Queue,
  config: Parameters<typeof sweepSchedules>[0],
): Promise<string[]> {
  const present = new Set((await queue.getJobSchedulers()).map((s) => s.key));
  return sweepSchedules(config)
    .map(({ id }) => id)
    .filter((id) => !present.has(id));
}
