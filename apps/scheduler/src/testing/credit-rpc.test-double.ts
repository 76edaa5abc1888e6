import { Controller, INestApplication, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ClearDepositOutcome,
  ClearDepositsRequest,
  ClearDepositsResult,
  ClearDepositsRpc,
  ConfirmFundsRequest,
  ConfirmFundsRpc,
  DepositView,
  ListPendingDepositsRequest,
  ListPendingDepositsRpc,
  PendingDepositRef,
} from '@glimmer/contracts/credit/deposit.messages';
import type { DomainError } from '@glimmer/errors/domain-error';
import { RPC_DOUBLE_STATE, RpcDoubleState, startRpcTestDouble } from './rpc-test-double';

/**
 * TEST DOUBLE of the credit service's deposit RPC contract (ClearDepositsRpc, ConfirmFundsRpc,
 * ListPendingDepositsRpc), served on the real broker under the test's prefix. It records every
 * call and answers from state the test controls. It exists only because the credit service is
 * being built in parallel; the e2e suite runs the scheduler against the real one.
 */
export class CreditRpcState extends RpcDoubleState {
  /** What ListPendingDepositsRpc returns, in id order; a cleared deposit leaves it. */
  pending: PendingDepositRef[] = [];
  /** The deposit ids of each ClearDepositsRpc received, in arrival order. */
  readonly clearingRuns: string[][] = [];
}

function view(over: Partial<DepositView> & { id: string }): DepositView {
  return {
    status: 'pending',
    amount: 1_000,
    currency: 'USD',
    costCodeId: '00000000-0000-4000-8000-000000000000',
    creditInvoiceId: '00000000-0000-4000-8000-000000000000',
    createdAt: new Date().toISOString(),
    fundsConfirmedAt: null,
    clearedAt: null,
    voidedAt: null,
    ...over,
  };
}

@Controller()
class CreditRpcTestDoubleController {
  constructor(@Inject(RPC_DOUBLE_STATE) private readonly state: CreditRpcState) {}

  /** Each deposit of a run is recorded as its own call, with its own scripted answer. */
  @MessagePattern(ClearDepositsRpc.pattern)
  async clearRun(@Payload() req: ClearDepositsRequest): Promise<ClearDepositsResult> {
    this.state.clearingRuns.push(req.depositIds);
    const outcomes = await Promise.all(
      req.depositIds.map(async (depositId): Promise<ClearDepositOutcome> => {
        try {
          await this.state.record(ClearDepositsRpc.pattern, { depositId }, depositId);
        } catch (err) {
          return { depositId, error: (err as DomainError).serialize() };
        }
        // Cleared: no longer listed as pending, as the credit service would answer.
        this.state.pending = this.state.pending.filter((d) => d.id !== depositId);
        const now = new Date().toISOString();
        const deposit = view({
          id: depositId,
          status: 'cleared',
          fundsConfirmedAt: now,
          clearedAt: now,
        });
        return { depositId, deposit };
      }),
    );
    return { outcomes };
  }

  @MessagePattern(ConfirmFundsRpc.pattern)
  async confirm(@Payload() req: ConfirmFundsRequest): Promise<DepositView> {
    await this.state.record(ConfirmFundsRpc.pattern, req, req.creditInvoiceId);
    return view({
      id: req.creditInvoiceId,
      creditInvoiceId: req.creditInvoiceId,
      fundsConfirmedAt: new Date().toISOString(),
    });
  }

  @MessagePattern(ListPendingDepositsRpc.pattern)
  async listPending(@Payload() req: ListPendingDepositsRequest) {
    await this.state.record(ListPendingDepositsRpc.pattern, req, 'list');
    const after = req.afterId;
    const rest = this.state.pending
      .filter((d) => !after || d.id > after)
      .sort((a, b) => a.id.localeCompare(b.id));
    const data = rest.slice(0, req.limit);
    return { data, nextAfterId: rest.length > req.limit ? data[data.length - 1].id : null };
  }
}

export function startCreditRpcTestDouble(
  env: Record<string, string>,
): Promise<{ state: CreditRpcState; app: INestApplication }> {
  return startRpcTestDouble('credit', env, CreditRpcTestDoubleController, new CreditRpcState());
}
