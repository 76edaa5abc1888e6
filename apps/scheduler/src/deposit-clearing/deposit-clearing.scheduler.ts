import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import { currentCorrelationId } from '@glimmer/observability/correlation';
import { EnqueueResult, JobQueue } from '../jobs/job-queue.service';
import { jobIds, JobName } from '../jobs/job-types';
import type { SchedulerConfig } from '../scheduler.config';

export interface ConfirmedDeposit {
  depositId: string;
  fundsConfirmedAt: string;
}

export interface UnconfirmedDeposit {
  depositId: string;
  creditInvoiceId: string;
  createdAt: string;
}

/**
 * Decides when a deposit's next step runs and queues it under its deterministic id. The delay
 * counts from the deposit's own timestamps, not from when we heard of it, so a late event or
 * the sweep schedules the same moment as the original event would have.
 */
@Injectable()
export class DepositClearingScheduler {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(CONFIG) private readonly config: SchedulerConfig,
  ) {}

  get sandboxEnabled(): boolean {
    return this.config.CREDIT_SANDBOX_CLEAR_AFTER_MS > 0;
  }

  /** Clears the deposit once its funds have been held for CREDIT_CLEARING_HOLD_MS. */
  scheduleClearing(
    deposit: ConfirmedDeposit,
    { reviveFailed = false } = {},
  ): Promise<EnqueueResult> {
    const due = Date.parse(deposit.fundsConfirmedAt) + this.config.CREDIT_CLEARING_HOLD_MS;
    return this.jobs.enqueue(
      JobName.ClearDeposit,
      { depositId: deposit.depositId, correlationId: currentCorrelationId() ?? randomUUID() },
      { jobId: jobIds.clearDeposit(deposit.depositId), delay: due - Date.now(), reviveFailed },
    );
  }

  /** With the sandbox provider on, confirms the funds CREDIT_SANDBOX_CLEAR_AFTER_MS after the deposit. */
  async scheduleSandboxConfirm(
    deposit: UnconfirmedDeposit,
    { reviveFailed = false } = {},
  ): Promise<EnqueueResult | 'sandbox_off'> {
    if (!this.sandboxEnabled) return 'sandbox_off';
    const due = Date.parse(deposit.createdAt) + this.config.CREDIT_SANDBOX_CLEAR_AFTER_MS;
    return this.jobs.enqueue(
      JobName.SandboxConfirm,
      {
        depositId: deposit.depositId,
        creditInvoiceId: deposit.creditInvoiceId,
        correlationId: currentCorrelationId() ?? randomUUID(),
      },
      { jobId: jobIds.sandboxConfirm(deposit.depositId), delay: due - Date.now(), reviveFailed },
    );
  }
}
