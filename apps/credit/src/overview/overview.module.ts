import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { OverviewRpc } from './overview.rpc';
import { CreditTotalsRepository } from './credit-totals.repository';
import { OverviewQueries } from './overview.queries';

/** The credits overview a brand sees first. */
@Module({
  imports: [CostCodesModule],
  controllers: [OverviewRpc],
  providers: [OverviewQueries, CreditTotalsRepository],
})
export class OverviewModule {}
