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
import { PayoutsService } from './payouts.service';

/** Creators' and brands' reads, the scheduler's dispatch and sweep, ops' look and retry. */
@Controller()
export class PayoutsHandler {
  constructor(
    private readonly payouts: PayoutsService,
    private readonly dispatchPayout: DispatchPayout,
  ) {}

  @MessagePattern(ListMyPayoutsRpc.pattern)
  listMine(@Payload() req: ListMyPayoutsRequest): Promise<Page<PayoutView>> {
    return this.payouts.listMine(req.actor, req);
  }

  @MessagePattern(PayoutsForProjectsRpc.pattern)
  async forProjects(@Payload() req: PayoutsForProjectsRequest): Promise<{ data: PayoutView[] }> {
    return { data: await this.payouts.forProjects(req.actor, req.projectIds) };
  }

  @MessagePattern(GetCreatorDashboardRpc.pattern)
  dashboard(@Payload() req: GetCreatorDashboardRequest): Promise<CreatorDashboardView> {
    return this.payouts.dashboard(req.actor);
  }

  /** The scheduler's delayed job (and the sweep): idempotent per payout and attempt. */
  @MessagePattern(DispatchPayoutRpc.pattern)
  dispatch(@Payload() req: DispatchPayoutRequest): Promise<DispatchPayoutResult> {
    return this.dispatchPayout.execute(req.payoutId, req.attempt);
  }

  @MessagePattern(DuePayoutsRpc.pattern)
  async due(@Payload() req: DuePayoutsRequest): Promise<{ data: DuePayout[] }> {
    return { data: await this.payouts.due(req.limit, req.graceMs) };
  }

  @MessagePattern(ListPayoutsForOpsRpc.pattern)
  listForOps(@Payload() req: ListPayoutsForOpsRequest): Promise<Page<OpsPayoutSummary>> {
    return this.payouts.listForOps(req.actor, req);
  }

  @MessagePattern(GetPayoutRpc.pattern)
  get(@Payload() req: GetPayoutRequest): Promise<OpsPayoutView> {
    return this.payouts.get(req.actor, req.payoutId);
  }

  @MessagePattern(RetryPayoutRpc.pattern)
  retry(@Payload() req: RetryPayoutRequest): Promise<PayoutView> {
    return this.payouts.retry(req.actor, req.payoutId);
  }
}
