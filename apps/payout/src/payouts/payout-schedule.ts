/**
 * The payout timetable, as pure arithmetic: when the first attempt goes out, the date the
 * creator is promised, and when a failed attempt is retried. Every instant is a Date in UTC;
 * dates shown to creators are UTC calendar days (YYYY-MM-DD).
 */

const DAY_MS = 86_400_000;

export interface ScheduleRules {
  /** The promise: paid no later than this many days after the invoice was paid. */
  maxDays: number;
  /** Hold between the invoice being paid and the first attempt. */
  dispatchDelayMs: number;
  maxAttempts: number;
  retryBaseMs: number;
}

/** YYYY-MM-DD of an instant, in UTC. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The last instant the promise allows: `maxDays` after the invoice was paid. */
export function dueByOf(invoicePaidAt: Date, rules: Pick<ScheduleRules, 'maxDays'>): Date {
  return new Date(invoicePaidAt.getTime() + rules.maxDays * DAY_MS);
}

/**
 * When the first attempt goes out: the hold after payment, or now if the hold is over (a
 * creator who adds their method late is paid at once).
 */
export function firstDispatchAt(
  invoicePaidAt: Date,
  now: Date,
  rules: Pick<ScheduleRules, 'dispatchDelayMs'>,
): Date {
  const held = invoicePaidAt.getTime() + rules.dispatchDelayMs;
  return new Date(Math.max(held, now.getTime()));
}

/** The wait after failed attempt `attempt` (1-based): base × 2^(attempt-1). */
export function backoffMs(attempt: number, rules: Pick<ScheduleRules, 'retryBaseMs'>): number {
  return rules.retryBaseMs * 2 ** (attempt - 1);
}

/** Every wait between the first and the last attempt added up (the config checks it fits). */
export function retryWindowMs(maxAttempts: number, retryBaseMs: number): number {
  let total = 0;
  for (let attempt = 1; attempt < maxAttempts; attempt += 1)
    total += backoffMs(attempt, { retryBaseMs });
  return total;
}

/**
 * When attempt `failedAttempt + 1` runs. Never after the payout's due date: a retry that the
 * backoff would put later is brought forward to the due date, and once the due date has passed
 * retries go at once, so the payout reaches a final state (paid, or flagged for ops) quickly.
 */
export function retryAt(
  failedAttempt: number,
  now: Date,
  dueBy: Date,
  rules: Pick<ScheduleRules, 'retryBaseMs'>,
): Date {
  const backedOff = now.getTime() + backoffMs(failedAttempt, rules);
  return new Date(Math.max(now.getTime(), Math.min(backedOff, dueBy.getTime())));
}

/** Whether a failed attempt may be followed by another before ops is asked to look. */
export function mayRetry(failedAttempt: number, rules: Pick<ScheduleRules, 'maxAttempts'>) {
  return failedAttempt < rules.maxAttempts;
}
