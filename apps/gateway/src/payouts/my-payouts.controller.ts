import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import { ListProjectsRpc } from '@glimmer/contracts/network/offer.messages';
import { MAX_PAGE_SIZE } from '@glimmer/contracts/page';
import {
  GetCreatorDashboardRpc,
  ListMyPayoutsRpc,
} from '@glimmer/contracts/payout/payout.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { SIGNED_IN, VIA_SERVICE } from '../http/error-sets';
import { CreatorDashboardDto, PayoutPageDto, PayoutQueryDto } from './dto/payout.dto';
import { ProjectPayments } from './project-payments.service';

/** The creator's payouts and the dashboard that tells them when the next payment comes. */
@ApiTags('Payouts')
@Roles('creator')
@Controller('v1/me')
export class MyPayoutsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly payments: ProjectPayments,
  ) {}

  @Get('payouts')
  @ApiOkResponse({ type: PayoutPageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  list(@CurrentActor() actor: Actor, @Query() query: PayoutQueryDto): Promise<PayoutPageDto> {
    return this.rpc.call(ListMyPayoutsRpc, { actor, ...query });
  }

  /** Next expected payment, totals, and each of the creator's latest projects' payment status. */
  @Get('dashboard')
  @ApiOkResponse({ type: CreatorDashboardDto })
  @ApiErrors(...SIGNED_IN, ...VIA_SERVICE)
  async dashboard(@CurrentActor() actor: Actor): Promise<CreatorDashboardDto> {
    const [summary, projects] = await Promise.all([
      this.rpc.call(GetCreatorDashboardRpc, { actor }),
      this.rpc.call(ListProjectsRpc, { actor, limit: MAX_PAGE_SIZE }),
    ]);
    const payments = await this.payments.of(actor, projects.data);
    return {
      nextPayment: summary.nextPayment,
      pendingTotal: summary.pendingTotal,
      paidTotal: summary.paidTotal,
      currency: summary.currency,
      projects: projects.data.map((project) => {
        const payment = payments.get(project.id)!;
        return {
          projectId: project.id,
          title: project.title,
          expectedPaymentDate: payment.expectedPaymentDate,
          payoutStatus: payment.payoutStatus,
        };
      }),
    };
  }
}
