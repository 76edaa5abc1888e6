import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '@glimmer/observability/correlation';
import { EnqueueResult, JobQueue } from '../jobs/job-queue.service';
import { jobIds, JobName } from '../jobs/job-types';

export interface DueAttempt {
  payoutId: string;
  attempt: number;
  /** When the payout service wants this attempt sent (ISO 8601). */
  dispatchAt: string;
}

/**
 * Queues a payout attempt's dispatch under its deterministic id (`payout-dispatch.<id>.<n>`),
 * delayed until the payout service's own `dispatchAt`, so a redelivered event, a late event and
 * the sweep all name the same job and schedule the same moment.
 */
@Injectable()
export class PayoutDispatchScheduler {
  constructor(private readonly jobs: JobQueue) {}

  /**
   * `fromSweep`: the payout service reports the attempt as due (past its grace) or stuck. The
   * sweep then re-runs the attempt's one job rather than adding a second one beside it (an id
   * per sweep run, such as `…sweep-<minute>`, would also be safe, since DispatchPayoutRpc is
   * idempotent per attempt, but could run several dispatches of one attempt at once while the
   * provider is slow). So: no job (lost, e.g. a Redis flush, or removed after a day) → added
   * now; failed for good → revived; completed but still due → run again; waiting, delayed or
   * active → left alone, it is in hand. Each attempt therefore has at most one dispatch job in
   * flight, and the payout service arbitrates the rest.
   */
  scheduleDispatch(due: DueAttempt, { fromSweep = false } = {}): Promise<EnqueueResult> {
    const at = Date.parse(due.dispatchAt);
    return this.jobs.enqueue(
      JobName.DispatchPayout,
      {
        payoutId: due.payoutId,
        attempt: due.attempt,
        correlationId: currentCorrelationId() ?? randomUUID(),
      },
      {
        jobId: jobIds.payoutDispatch(due.payoutId, due.attempt),
        delay: Number.isNaN(at) ? 0 : at - Date.now(),
        reviveFailed: fromSweep,
        rerunCompleted: fromSweep,
      },
    );
  }
}
