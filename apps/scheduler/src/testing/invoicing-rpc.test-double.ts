import { Controller, INestApplication, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ResolveStalePaymentsRequest,
  ResolveStalePaymentsRpc,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { RPC_DOUBLE_STATE, RpcDoubleState, startRpcTestDouble } from './rpc-test-double';

/**
 * TEST DOUBLE of invoicing's ResolveStalePaymentsRpc, served on the real broker under the test's
 * prefix: records each call and answers that nothing was stale. It exists only because the
 * invoicing side is being built in parallel; the e2e suite runs the scheduler against the real one.
 */
@Controller()
class InvoicingRpcTestDoubleController {
  constructor(@Inject(RPC_DOUBLE_STATE) private readonly state: RpcDoubleState) {}

  @MessagePattern(ResolveStalePaymentsRpc.pattern)
  async resolveStale(@Payload() req: ResolveStalePaymentsRequest) {
    await this.state.record(ResolveStalePaymentsRpc.pattern, req, 'resolve-stale');
    return { resolved: 0, applied: 0, rejected: 0 };
  }
}

export function startInvoicingRpcTestDouble(
  env: Record<string, string>,
): Promise<{ state: RpcDoubleState; app: INestApplication }> {
  return startRpcTestDouble(
    'invoicing',
    env,
    InvoicingRpcTestDoubleController,
    new RpcDoubleState(),
  );
}
