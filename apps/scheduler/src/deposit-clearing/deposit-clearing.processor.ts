import { Processor } from '@nestjs/bullmq';
import { Inject } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { CONFIG } from '@glimmer/config/config';
import {
  CLEAR_DEPOSITS_MAX,
  ClearDepositOutcome,
  ClearDepositsRpc,
  ConfirmFundsRpc,
  DepositView,
} from '@glimmer/contracts/credit/deposit.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { AnyJob, GlimmerWorker } from '../jobs/glimmer-worker';
import { JobData, JobName } from '../jobs/job-types';
import { coalesce } from '../jobs/coalesce';
import { callService, settle } from '../jobs/service-call';
import { QueueName } from '../jobs/queue-names';
import type { SchedulerConfig } from '../scheduler.config';

/** How long a clearing job waits for others to share its ClearDepositsRpc, in ms. */
export const CLEARING_WINDOW_MS = 2;

export type ClearingResult =
  { depositId: string; status: DepositView['status'] } | { depositId: string; settledBy: string };

/**
 * Runs the clearing jobs by asking the credit service, which owns the deposit and re-checks its
 * state: both RPCs are idempotent, so a job that runs twice (a stalled worker) is harmless.
 * Clearing jobs that run together (up to WORKER_CONCURRENCY at once) share one ClearDepositsRpc,
 * which clears them in one transaction; each job still succeeds, settles or retries on its own
 * deposit's answer.
 */
@Processor(QueueName.DepositClearing)
export class DepositClearingProcessor extends GlimmerWorker {
  private readonly clearInRun: (depositId: string) => Promise<DepositView>;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONFIG) config: SchedulerConfig,
  ) {
    super(config.WORKER_CONCURRENCY);
    this.clearInRun = coalesce(
      async (depositIds) => {
        const { outcomes } = await this.rpc.call(ClearDepositsRpc, { depositIds: [...depositIds] });
        return outcomes.map(answerOf);
      },
      { windowMs: CLEARING_WINDOW_MS, maxBatch: CLEAR_DEPOSITS_MAX },
    );
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
    const outcome = await settle(() => this.clearInRun(data.depositId), ['deposit_voided']);
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

/** One deposit's outcome as its job sees it: the deposit, or the error it would have got alone. */
function answerOf(outcome: ClearDepositOutcome): DepositView | Error {
  return 'error' in outcome ? DomainError.fromSerialized(outcome.error) : outcome.deposit;
}
