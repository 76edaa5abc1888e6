import { Controller } from '@nestjs/common';
import {
  CreditOverview,
  GetCreditOverviewRequest,
  GetCreditOverviewRpc,
} from '@glimmer/contracts/credit/overview.messages';
import { OnRpc } from '@glimmer/messaging/handlers';
import { OverviewQueries } from './overview.queries';

@Controller()
export class OverviewRpc {
  constructor(private readonly overview: OverviewQueries) {}

  @OnRpc(GetCreditOverviewRpc)
  get({ actor, ...query }: GetCreditOverviewRequest): Promise<CreditOverview> {
    return this.overview.get(actor, query);
  }
}
