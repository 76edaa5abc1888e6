import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { LedgerModule } from '../ledger/ledger.module';
import { ClearDeposit } from './clear-deposit.use-case';
import { ClearDeposits } from './clear-deposits.use-case';
import { ConfirmFunds } from './confirm-funds.use-case';
import { CreateDeposit } from './create-deposit.use-case';
import { DepositQueries } from './deposit.queries';
import { DepositRepository } from './deposit.repository';
import { DepositsRpc } from './deposits.rpc';
import { PaymentNoticeQueries } from './payment-notice.queries';
import { PaymentNoticeRepository } from './payment-notice.repository';
import { PaymentNoticesRpc } from './payment-notices.rpc';
import { ReceivePayment } from './receive-payment.use-case';
import { ResolveUnmatchedPayment } from './resolve-unmatched-payment.use-case';
import { VoidCreditInvoice } from './void-credit-invoice.use-case';

/** Adding credit: pending deposits, their confirmation (by ops or a payment notice), clearing and voiding. */
@Module({
  imports: [LedgerModule, CostCodesModule],
  controllers: [DepositsRpc, PaymentNoticesRpc],
  providers: [
    DepositRepository,
    PaymentNoticeRepository,
    CreateDeposit,
    ConfirmFunds,
    ClearDeposit,
    ClearDeposits,
    VoidCreditInvoice,
    ReceivePayment,
    ResolveUnmatchedPayment,
    DepositQueries,
    PaymentNoticeQueries,
  ],
})
export class DepositsModule {}
