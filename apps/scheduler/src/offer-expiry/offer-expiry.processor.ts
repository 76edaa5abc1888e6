import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { CONFIG } from '@glimmer/config/config';
import { ExpireOfferRpc, OfferView } from '@glimmer/contracts/network/offer.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { AnyJob, GlimmerWorker } from '../jobs/glimmer-worker';
import { JobData, JobName } from '../jobs/job-types';
import { callService } from '../jobs/service-call';
import { QueueName } from '../jobs/queue-names';
import type { SchedulerConfig } from '../scheduler.config';

export type ExpiryResult =
  { offerId: string; status: OfferView['status'] } | { offerId: string; settledBy: string };

/**
 * Runs the expiry jobs by asking creator-network, which owns the offer and re-checks its state:
 * the RPC is idempotent (only a still-sent offer past its due date changes), so a job that runs
 * twice is harmless. A deleted offer (404) means there is nothing left to do.
 */
@Processor(QueueName.OfferExpiry)
export class OfferExpiryProcessor extends GlimmerWorker {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONFIG) config: SchedulerConfig,
  ) {
    super(config.WORKER_CONCURRENCY);
  }

  protected handle(job: AnyJob): Promise<ExpiryResult> {
    switch (job.name) {
      case JobName.ExpireOffer:
        return this.expire(job.data);
      default:
        throw new UnrecoverableError(`${QueueName.OfferExpiry} has no handler for job ${job.name}`);
    }
  }

  private async expire(data: JobData<JobName.ExpireOffer>): Promise<ExpiryResult> {
    const outcome = await callService(
      this.rpc,
      ExpireOfferRpc,
      { offerId: data.offerId },
      { settledBy: ['not_found'] },
    );
    if ('settledBy' in outcome) return { offerId: data.offerId, settledBy: outcome.settledBy };
    if (outcome.value.status === 'sent') {
      // Not past due by creator-network's clock yet (a clock skew at midnight): retry with backoff.
      throw new DomainError(
        'dependency_unavailable',
        `offer ${data.offerId} is still sent after expire`,
      );
    }
    return { offerId: data.offerId, status: outcome.value.status };
  }
}
