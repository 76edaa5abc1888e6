import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { OverviewHandler } from './overview.handler';
import { OverviewService } from './overview.service';

/** The credits overview a brand sees first. */
@Module({
  imports: [CostCodesModule],
  controllers: [OverviewHandler],
  providers: [OverviewService],
})
export class OverviewModule {}
