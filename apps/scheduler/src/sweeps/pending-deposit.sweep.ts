import { Injectable } from '@nestjs/common';
import { ListPendingDepositsRpc } from '@glimmer/contracts/credit/deposit.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { DepositClearingScheduler } from '../deposit-clearing/deposit-clearing.scheduler';
import { EnqueueResult } from '../jobs/job-queue.service';

const PAGE_SIZE = 200;
const MAX_PAGES = 1_000;

export interface PendingDepositSweepResult {
  pending: number;
  clearing: Partial<Record<EnqueueResult, number>>;
  sandbox: Partial<Record<EnqueueResult | 'sandbox_off', number>>;
}

/**
 * Re-checks every pending deposit, so none is forgotten when an event or a job was lost: a
 * confirmed one gets its clearing job, an unconfirmed one (sandbox on) its confirmation job.
 * Both use the same deterministic ids as the event handlers, so nothing is queued twice; a job
 * that gave up is revived.
 */
@Injectable()
export class PendingDepositSweep {
  constructor(
    private readonly rpc: RpcClient,
    private readonly clearing: DepositClearingScheduler,
  ) {}

  async run(): Promise<PendingDepositSweepResult> {
    const result: PendingDepositSweepResult = { pending: 0, clearing: {}, sandbox: {} };
    let afterId: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data, nextAfterId } = await this.rpc.call(ListPendingDepositsRpc, {
        afterId,
        limit: PAGE_SIZE,
      });
      for (const deposit of data) {
        result.pending += 1;
        if (deposit.fundsConfirmedAt) {
          const added = await this.clearing.scheduleClearing(
            { depositId: deposit.id, fundsConfirmedAt: deposit.fundsConfirmedAt },
            { reviveFailed: true },
          );
          result.clearing[added] = (result.clearing[added] ?? 0) + 1;
        } else {
          const added = await this.clearing.scheduleSandboxConfirm(
            {
              depositId: deposit.id,
              creditInvoiceId: deposit.creditInvoiceId,
              createdAt: deposit.createdAt,
            },
            { reviveFailed: true },
          );
          result.sandbox[added] = (result.sandbox[added] ?? 0) + 1;
        }
      }
      if (!nextAfterId || nextAfterId === afterId) break;
      afterId = nextAfterId;
    }
    return result;
  }
}
