import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { currentCorrelationId } from '@glimmer/observability/correlation';
import { EnqueueResult, JobQueue } from '../jobs/job-queue.service';
import { jobIds, JobName } from '../jobs/job-types';

export interface SentOffer {
  offerId: string;
  /** The last day the offer can be accepted (YYYY-MM-DD, UTC). */
  dueDate: string;
}

const DAY_MS = 86_400_000;

/**
 * When an offer lapses: the end of its due date in UTC (the start of the next day), which is when
 * creator-network starts reading it as past due. Counted from the offer's own date, so a
 * redelivered or late event schedules the same moment.
 */
export function offerExpiresAt(dueDate: string): number {
  const start = Date.parse(`${dueDate}T00:00:00.000Z`);
  if (Number.isNaN(start)) throw new Error(`dueDate ${dueDate} is not a date`);
  return start + DAY_MS;
}

/** Queues the offer's expiry under its deterministic id, so a redelivered event adds nothing. */
@Injectable()
export class OfferExpiryScheduler {
  constructor(private readonly jobs: JobQueue) {}

  /** `reviveFailed`: the sweep found the offer still due after its job gave up: run it again. */
  scheduleExpiry(offer: SentOffer, { reviveFailed = false } = {}): Promise<EnqueueResult> {
    return this.jobs.enqueue(
      JobName.ExpireOffer,
      { offerId: offer.offerId, correlationId: currentCorrelationId() ?? randomUUID() },
      {
        jobId: jobIds.offerExpiry(offer.offerId),
        delay: offerExpiresAt(offer.dueDate) - Date.now(),
        reviveFailed,
      },
    );
  }
}
