import { Controller, INestApplication, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ClearDepositRequest,
  ClearDepositRpc,
  ConfirmFundsRequest,
  ConfirmFundsRpc,
  DepositView,
  ListPendingDepositsRequest,
  ListPendingDepositsRpc,
  PendingDepositRef,
} from '@glimmer/contracts/credit/deposit.messages';
import { RPC_DOUBLE_STATE, RpcDoubleState, startRpcTestDouble } from './rpc-test-double';

/**
 * TEST DOUBLE of the credit service's deposit RPC contract (ClearDepositRpc, ConfirmFundsRpc,
 * ListPendingDepositsRpc), served on the real broker under the test's prefix. It records every
 * call and answers from state the test controls. It exists only because the credit service is
 * being built in parallel; the e2e suite runs the scheduler against the real one.
 */
export class CreditRpcState extends RpcDoubleState {
  /** What ListPendingDepositsRpc returns, in id order; a cleared deposit leaves it. */
  pending: PendingDepositRef[] = [];
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

  @MessagePattern(ClearDepositRpc.pattern)
  async clear(@Payload() req: ClearDepositRequest): Promise<DepositView> {
    await this.state.record(ClearDepositRpc.pattern, req, req.depositId);
    // Cleared: no longer listed as pending, as the credit service would answer.
    this.state.pending = this.state.pending.filter((d) => d.id !== req.depositId);
    const now = new Date().toISOString();
    return view({ id: req.depositId, status: 'cleared', fundsConfirmedAt: now, clearedAt: now });
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
