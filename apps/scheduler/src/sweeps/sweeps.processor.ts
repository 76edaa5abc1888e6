import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { AnyJob, GlimmerWorker } from '../jobs/glimmer-worker';
import { JobName } from '../jobs/job-types';
import { QueueName } from '../jobs/queue-names';
import { OfferExpirySweep, OfferExpirySweepResult } from './offer-expiry.sweep';
import { PayoutSweep, PayoutSweepResult } from './payout.sweep';
import { PendingDepositSweep, PendingDepositSweepResult } from './pending-deposit.sweep';
import { StalePaymentSweep, StalePaymentSweepResult } from './stale-payment.sweep';

export type SweepResult =
  PendingDepositSweepResult | PayoutSweepResult | StalePaymentSweepResult | OfferExpirySweepResult;

/** How many sweep kinds there are: each replica can run one of each at once. */
const SWEEP_KINDS = 4;

/**
 * The one worker of the sweeps queue (a queue has one worker per replica): runs each repeatable
 * sweep by its job name. A run that throws is not retried; the next run comes on schedule.
 */
@Processor(QueueName.Sweeps)
export class SweepsProcessor extends GlimmerWorker {
  constructor(
    private readonly pendingDeposits: PendingDepositSweep,
    private readonly payouts: PayoutSweep,
    private readonly stalePayments: StalePaymentSweep,
    private readonly offers: OfferExpirySweep,
  ) {
    // Runs are idempotent, so overlapping ones only waste work; but one sweep waiting on a slow
    // or unreachable service must not hold the others back.
    super(SWEEP_KINDS);
  }

  protected handle(job: AnyJob): Promise<SweepResult> {
    switch (job.name) {
      case JobName.PendingDepositSweep:
        return this.pendingDeposits.run();
      case JobName.PayoutSweep:
        return this.payouts.run();
      case JobName.StalePaymentSweep:
        return this.stalePayments.run();
      case JobName.OfferExpirySweep:
        return this.offers.run();
      default:
        throw new UnrecoverableError(`${QueueName.Sweeps} has no handler for job ${job.name}`);
    }
  }
}
