import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { CONFIG } from '@glimmer/config/config';
import { DispatchPayoutRpc, PayoutStatus } from '@glimmer/contracts/payout/payout.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { AnyJob, GlimmerWorker } from '../jobs/glimmer-worker';
import { JobData, JobName } from '../jobs/job-types';
import { QueueName } from '../jobs/queue-names';
import { callService } from '../jobs/service-call';
import type { SchedulerConfig } from '../scheduler.config';

export type DispatchResult =
  | { payoutId: string; attempt: number; status: PayoutStatus; skipped?: string }
  | { payoutId: string; attempt: number; settledBy: string };

/**
 * Runs the dispatch jobs by asking the payout service, which owns the payout, its attempts and
 * the provider: DispatchPayoutRpc is idempotent per attempt, so a job that runs twice (a stalled
 * worker, a timed-out call that still ran, the sweep) is harmless.
 *
 * Any answer completes the job — paid, failed, processing or skipped — because the payout
 * service counts the attempts: a failed attempt comes back as a new PayoutScheduled event for
 * attempt + 1 (a new job). Only a timeout or an unavailable service throws, so BullMQ retries
 * this same attempt with backoff; a payout that is gone (404) is settled.
 */
@Processor(QueueName.PayoutDispatch)
export class PayoutDispatchProcessor extends GlimmerWorker {
  private readonly deadlineMs: number;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONFIG) config: SchedulerConfig,
  ) {
    super(config.WORKER_CONCURRENCY);
    this.deadlineMs = config.PAYOUT_DISPATCH_DEADLINE_MS;
  }

  protected handle(job: AnyJob): Promise<DispatchResult> {
    switch (job.name) {
      case JobName.DispatchPayout:
        return this.dispatch(job.data);
      default:
        throw new UnrecoverableError(
          `${QueueName.PayoutDispatch} has no handler for job ${job.name}`,
        );
    }
  }

  private async dispatch(data: JobData<JobName.DispatchPayout>): Promise<DispatchResult> {
    const { payoutId, attempt } = data;
    const outcome = await callService(
      this.rpc,
      DispatchPayoutRpc,
      { payoutId, attempt },
      { settledBy: ['not_found'], timeoutMs: this.deadlineMs },
    );
    if ('settledBy' in outcome) return { payoutId, attempt, settledBy: outcome.settledBy };
    const { status, skipped } = outcome.value;
    if (skipped === 'not_due') {
      // The job fired a moment early by the payout service's clock: try again shortly (the
      // retry backoff) rather than leave the payout to the sweep.
      throw new DomainError('dependency_unavailable', `payout ${payoutId} is not due yet`);
    }
    return { payoutId, attempt, status, ...(skipped ? { skipped } : {}) };
  }
}
