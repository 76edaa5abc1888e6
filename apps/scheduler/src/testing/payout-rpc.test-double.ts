import { Controller, INestApplication, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DispatchPayoutRequest,
  DispatchPayoutResult,
  DispatchPayoutRpc,
  DuePayout,
  DuePayoutsRequest,
  DuePayoutsRpc,
} from '@glimmer/contracts/payout/payout.messages';
import { RPC_DOUBLE_STATE, RpcDoubleState, startRpcTestDouble } from './rpc-test-double';

/**
 * TEST DOUBLE of the payout service's scheduler-facing RPCs (DispatchPayoutRpc, DuePayoutsRpc),
 * served on the real broker under the test's prefix. Dispatch answers `paid` and takes the
 * attempt off the due list (as the real service would); scripts per payout id make it fail or
 * hang. It exists only because the payout service is being built in parallel; the e2e suite
 * runs the scheduler against the real one.
 */
export class PayoutRpcState extends RpcDoubleState {
  /** What DuePayoutsRpc returns (up to its limit). */
  due: DuePayout[] = [];
  /** Payout ids answered `skipped: not_due` this many more times (a job that fired early). */
  readonly notDue = new Map<string, number>();
}

@Controller()
class PayoutRpcTestDoubleController {
  constructor(@Inject(RPC_DOUBLE_STATE) private readonly state: PayoutRpcState) {}

  @MessagePattern(DispatchPayoutRpc.pattern)
  async dispatch(@Payload() req: DispatchPayoutRequest): Promise<DispatchPayoutResult> {
    await this.state.record(DispatchPayoutRpc.pattern, req, req.payoutId);
    const early = this.state.notDue.get(req.payoutId) ?? 0;
    if (early > 0) {
      this.state.notDue.set(req.payoutId, early - 1);
      return {
        payoutId: req.payoutId,
        attempt: req.attempt,
        status: 'scheduled',
        skipped: 'not_due',
      };
    }
    this.state.due = this.state.due.filter(
      (d) => !(d.payoutId === req.payoutId && d.attempt === req.attempt),
    );
    return { payoutId: req.payoutId, attempt: req.attempt, status: 'paid' };
  }

  @MessagePattern(DuePayoutsRpc.pattern)
  async due(@Payload() req: DuePayoutsRequest): Promise<{ data: DuePayout[] }> {
    await this.state.record(DuePayoutsRpc.pattern, req, 'due');
    return { data: this.state.due.slice(0, req.limit) };
  }
}

export function startPayoutRpcTestDouble(
  env: Record<string, string>,
): Promise<{ state: PayoutRpcState; app: INestApplication }> {
  return startRpcTestDouble('payout', env, PayoutRpcTestDoubleController, new PayoutRpcState());
}
