import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { CONFIG } from '@glimmer/config/config';
import {
  ClearDepositRpc,
  ConfirmFundsRpc,
  DepositView,
} from '@glimmer/contracts/credit/deposit.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { AnyJob, GlimmerWorker } from '../jobs/glimmer-worker';
import { JobData, JobName } from '../jobs/job-types';
import { callService } from '../jobs/service-call';
import { QueueName } from '../jobs/queue-names';
import type { SchedulerConfig } from '../scheduler.config';

export type ClearingResult =
  { depositId: string; status: DepositView['status'] } | { depositId: string; settledBy: string };

/**
 * Runs the clearing jobs by asking the credit service, which owns the deposit and re-checks its
 * state: both RPCs are idempotent, so a job that runs twice (a stalled worker) is harmless.
 */
@Processor(QueueName.DepositClearing)
export class DepositClearingProcessor extends GlimmerWorker {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONFIG) config: SchedulerConfig,
  ) {
    super(config.WORKER_CONCURRENCY);
  }

  protected handle(job: AnyJob): Promise<ClearingResult> {
    switch (job.name) {
      case JobName.ClearDeposit:
        return this.clear(job.data);
      case JobName.SandboxConfirm:
        return this.sandboxConfirm(job.data);
      default:
        throw new UnrecoverableError(
          `${QueueName.DepositClearing} has no handler for job ${job.name}`,
        );
    }
  }

  private async clear(data: JobData<JobName.ClearDeposit>): Promise<ClearingResult> {
    const outcome = await callService(
      this.rpc,
      ClearDepositRpc,
      { depositId: data.depositId },
      { settledBy: ['deposit_voided'] },
    );
    if ('settledBy' in outcome) return { depositId: data.depositId, settledBy: outcome.settledBy };
    if (outcome.value.status === 'pending') {
      // Not cleared yet (credit's own hold?): retry with backoff; the sweep catches it after that.
      throw new DomainError(
        'dependency_unavailable',
        `deposit ${data.depositId} is still pending after clear`,
      );
    }
    return { depositId: data.depositId, status: outcome.value.status };
  }

  private async sandboxConfirm(data: JobData<JobName.SandboxConfirm>): Promise<ClearingResult> {
    const outcome = await callService(
      this.rpc,
      ConfirmFundsRpc,
      { creditInvoiceId: data.creditInvoiceId, source: 'sandbox' },
      { settledBy: ['deposit_voided', 'deposit_already_cleared', 'credit_invoice_already_paid'] },
    );
    if ('settledBy' in outcome) return { depositId: data.depositId, settledBy: outcome.settledBy };
    return { depositId: data.depositId, status: outcome.value.status };
  }
}
