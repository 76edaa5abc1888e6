import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreditOverview,
  GetCreditOverviewRequest,
  GetCreditOverviewRpc,
} from '@glimmer/contracts/credit/overview.messages';
import { OverviewService } from './overview.service';

@Controller()
export class OverviewHandler {
  constructor(private readonly overview: OverviewService) {}

  @MessagePattern(GetCreditOverviewRpc.pattern)
  get(@Payload() req: GetCreditOverviewRequest): Promise<CreditOverview> {
    return this.overview.get(req.actor);
  }
}
