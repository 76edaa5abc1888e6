import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { LedgerModule } from '../ledger/ledger.module';
import { DepositLifecycleService } from './deposit-lifecycle.service';
import { DepositRepository } from './deposit.repository';
import { DepositsHandler } from './deposits.handler';
import { DepositsService } from './deposits.service';

/** Adding credit: pending deposits, their confirmation, clearing and voiding. */
@Module({
  imports: [LedgerModule, CostCodesModule],
  controllers: [DepositsHandler],
  providers: [DepositRepository, DepositsService, DepositLifecycleService],
})
export class DepositsModule {}
