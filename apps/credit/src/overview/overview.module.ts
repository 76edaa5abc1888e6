import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { OverviewHandler } from './overview.handler';
import { OverviewQueries } from './overview.queries';

/** The credits overview a brand sees first. */
@Module({
  imports: [CostCodesModule],
  controllers: [OverviewHandler],
  providers: [OverviewQueries],
})
export class OverviewModule {}
