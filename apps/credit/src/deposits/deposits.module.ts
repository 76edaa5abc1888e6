import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { LedgerModule } from '../ledger/ledger.module';
import { DepositLifecycleService } from './deposit-lifecycle.service';
import { DepositRepository } from './deposit.repository';
import { DepositsHandler } from './deposits.handler';
import { DepositsService } from './deposits.service';
import { PaymentNoticeRepository } from './payment-notice.repository';
import { PaymentNoticesHandler } from './payment-notices.handler';
import { PaymentNoticesService } from './payment-notices.service';

/** Adding credit: pending deposits, their confirmation (by ops or a payment notice), clearing and voiding. */
@Module({
  imports: [LedgerModule, CostCodesModule],
  controllers: [DepositsHandler, PaymentNoticesHandler],
  providers: [
    DepositRepository,
    DepositsService,
    DepositLifecycleService,
    PaymentNoticeRepository,
    PaymentNoticesService,
  ],
})
export class DepositsModule {}
