import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreditOverview,
  GetCreditOverviewRequest,
  GetCreditOverviewRpc,
} from '@glimmer/contracts/credit/overview.messages';
import { OverviewQueries } from './overview.queries';

@Controller()
export class OverviewHandler {
  constructor(private readonly overview: OverviewQueries) {}

  @MessagePattern(GetCreditOverviewRpc.pattern)
  get(@Payload() req: GetCreditOverviewRequest): Promise<CreditOverview> {
    return this.overview.get(req.actor);
  }
}
