import { Module } from '@nestjs/common';
import { MyPayoutsController } from './my-payouts.controller';
import { OpsPayoutsController } from './ops-payouts.controller';
import { PayoutMethodsController } from './payout-methods.controller';
import { ProjectPayments } from './project-payments.service';

/** Payout routes (RPC to payout), and the project ⨝ invoice ⨝ payout join other routes use. */
@Module({
  controllers: [PayoutMethodsController, MyPayoutsController, OpsPayoutsController],
  providers: [ProjectPayments],
  exports: [ProjectPayments],
})
export class PayoutsApiModule {}
