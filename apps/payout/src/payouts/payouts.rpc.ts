import { Controller } from '@nestjs/common';
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
import { OnRpc } from '@glimmer/messaging/handlers';
import { DispatchPayout } from './dispatch-payout.use-case';
import { PayoutQueries } from './payouts.queries';
import { RetryPayout } from './retry-payout.use-case';

/** Creators' and brands' reads, the scheduler's dispatch and sweep, ops' look and retry. */
@Controller()
export class PayoutsRpc {
  constructor(
    private readonly queries: PayoutQueries,
    private readonly dispatchPayout: DispatchPayout,
    private readonly retryPayout: RetryPayout,
  ) {}

  @OnRpc(ListMyPayoutsRpc)
  listMine(req: ListMyPayoutsRequest): Promise<Page<PayoutView>> {
    return this.queries.listMine(req);
  }

  @OnRpc(PayoutsForProjectsRpc)
  async forProjects(req: PayoutsForProjectsRequest): Promise<{ data: PayoutView[] }> {
    return { data: await this.queries.forProjects(req) };
  }

  @OnRpc(GetCreatorDashboardRpc)
  dashboard(req: GetCreatorDashboardRequest): Promise<CreatorDashboardView> {
    return this.queries.dashboard(req.actor);
  }

  /** The scheduler's delayed job (and the sweep): idempotent per payout and attempt. */
  @OnRpc(DispatchPayoutRpc)
  dispatch(req: DispatchPayoutRequest): Promise<DispatchPayoutResult> {
    return this.dispatchPayout.execute(req);
  }

  @OnRpc(DuePayoutsRpc)
  async due(req: DuePayoutsRequest): Promise<{ data: DuePayout[] }> {
    return { data: await this.queries.due(req) };
  }

  @OnRpc(ListPayoutsForOpsRpc)
  listForOps(req: ListPayoutsForOpsRequest): Promise<Page<OpsPayoutSummary>> {
    return this.queries.listForOps(req);
  }

  @OnRpc(GetPayoutRpc)
  get(req: GetPayoutRequest): Promise<OpsPayoutView> {
    return this.queries.get(req);
  }

  @OnRpc(RetryPayoutRpc)
  retry(req: RetryPayoutRequest): Promise<PayoutView> {
    return this.retryPayout.execute(req);
  }
}
