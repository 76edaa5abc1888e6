import type { JobsOptions } from 'bullmq';

const DAY_S = 86_400;

/**
 * Defaults for one-off jobs. Completed jobs are kept a day so their deterministic id keeps
 * de-duplicating (a redelivered event within a day adds nothing); failed ones a week, for ops.
 * Retries back off exponentially: 1 s, 2 s, 4 s … about four minutes in all.
 */
export const ONE_OFF_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: DAY_S },
  removeOnFail: { age: 7 * DAY_S },
};

/** The sweep runs again on its own schedule, so a failed run is not retried. */
export const SWEEP_JOB_OPTIONS: JobsOptions = {
  attempts: 1,
  removeOnComplete: { age: DAY_S, count: 100 },
  removeOnFail: { age: 7 * DAY_S, count: 100 },
};
