import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Page } from '@glimmer/contracts/page';
import {
  CreatorDashboardView,
  DispatchPayoutRequest,
  DispatchPayoutResult,
  DispatchPayoutRpc,
  DuePayout,
  DuePayoutsRequest,
  DuePayoutsRpc,
  GetCreatorDashboardRequest,
  GetCreatorDashboardRpc,
  GetPayoutRequest,
  GetPayoutRpc,
  ListMyPayoutsRequest,
  ListMyPayoutsRpc,
  ListPayoutsForOpsRequest,
  ListPayoutsForOpsRpc,
  OpsPayoutSummary,
  OpsPayoutView,
  PayoutsForProjectsRequest,
  PayoutsForProjectsRpc,
  PayoutView,
  RetryPayoutRequest,
  RetryPayoutRpc,
} from '@glimmer/contracts/payout/payout.messages';
import { DispatchPayout } from './dispatch-payout.use-case';
import { PayoutQueries } from './payouts.queries';
import { RetryPayout } from './retry-payout.use-case';

/** Creators' and brands' reads, the scheduler's dispatch and sweep, ops' look and retry. */
@Controller()
export class PayoutsHandler {
  constructor(
    private readonly queries: PayoutQueries,
    private readonly dispatchPayout: DispatchPayout,
    private readonly retryPayout: RetryPayout,
  ) {}

  @MessagePattern(ListMyPayoutsRpc.pattern)
  listMine(@Payload() req: ListMyPayoutsRequest): Promise<Page<PayoutView>> {
    return this.queries.listMine(req);
  }

  @MessagePattern(PayoutsForProjectsRpc.pattern)
  async forProjects(@Payload() req: PayoutsForProjectsRequest): Promise<{ data: PayoutView[] }> {
    return { data: await this.queries.forProjects(req) };
  }

  @MessagePattern(GetCreatorDashboardRpc.pattern)
  dashboard(@Payload() req: GetCreatorDashboardRequest): Promise<CreatorDashboardView> {
    return this.queries.dashboard(req.actor);
  }

  /** The scheduler's delayed job (and the sweep): idempotent per payout and attempt. */
  @MessagePattern(DispatchPayoutRpc.pattern)
  dispatch(@Payload() req: DispatchPayoutRequest): Promise<DispatchPayoutResult> {
    return this.dispatchPayout.execute(req);
  }

  @MessagePattern(DuePayoutsRpc.pattern)
  async due(@Payload() req: DuePayoutsRequest): Promise<{ data: DuePayout[] }> {
    return { data: await this.queries.due(req) };
  }

  @MessagePattern(ListPayoutsForOpsRpc.pattern)
  listForOps(@Payload() req: ListPayoutsForOpsRequest): Promise<Page<OpsPayoutSummary>> {
    return this.queries.listForOps(req);
  }

  @MessagePattern(GetPayoutRpc.pattern)
  get(@Payload() req: GetPayoutRequest): Promise<OpsPayoutView> {
    return this.queries.get(req);
  }

  @MessagePattern(RetryPayoutRpc.pattern)
  retry(@Payload() req: RetryPayoutRequest): Promise<PayoutView> {
    return this.retryPayout.execute(req);
  }
}
