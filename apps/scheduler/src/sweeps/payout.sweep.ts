import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import { DuePayoutsRpc } from '@glimmer/contracts/payout/payout.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { EnqueueResult } from '../jobs/job-queue.service';
import { PayoutDispatchScheduler } from '../payout-dispatch/payout-dispatch.scheduler';
import type { SchedulerConfig } from '../scheduler.config';

export interface PayoutSweepResult {
  due: number;
  dispatch: Partial<Record<EnqueueResult, number>>;
}

/**
 * The safety net of the two-week promise: asks the payout service which attempts are due (past
 * PAYOUT_SWEEP_GRACE_MS, so the delayed job runs first), overdue or stuck in processing, and
 * makes sure each has its dispatch job — after a Redis flush lost the delayed job, after a job
 * gave up, or when a completed dispatch left the payout stuck. See
 * PayoutDispatchScheduler.scheduleDispatch for why no attempt gets two jobs at once.
 */
@Injectable()
export class PayoutSweep {
  constructor(
    private readonly rpc: RpcClient,
    private readonly dispatch: PayoutDispatchScheduler,
    @Inject(CONFIG) private readonly config: SchedulerConfig,
  ) {}

  async run(): Promise<PayoutSweepResult> {
    const { data } = await this.rpc.call(DuePayoutsRpc, {
      limit: this.config.PAYOUT_SWEEP_LIMIT,
      graceMs: this.config.PAYOUT_SWEEP_GRACE_MS,
    });
    const result: PayoutSweepResult = { due: data.length, dispatch: {} };
    for (const due of data) {
      const added = await this.dispatch.scheduleDispatch(due, { fromSweep: true });
      result.dispatch[added] = (result.dispatch[added] ?? 0) + 1;
    }
    return result;
  }
}
