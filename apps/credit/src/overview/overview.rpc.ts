import { Controller } from '@nestjs/common';
import {
  CreditOverview,
  GetCreditOverviewRequest,
  GetCreditOverviewRpc,
} from '@glimmer/contracts/credit/overview.messages';
import { OverviewQueries } from './overview.queries';
import { OnRpc } from '@glimmer/messaging/handlers';

@Controller()
export class OverviewRpc {
  constructor(private readonly overview: OverviewQueries) {}

  @OnRpc(GetCreditOverviewRpc)
  get(req: GetCreditOverviewRequest): Promise<CreditOverview> {
    return this.overview.get(req.actor);
  }
}
