import { Module } from '@nestjs/common';
import { CostCodesController } from './cost-codes.controller';
import { CreditInvoicesController } from './credit-invoices.controller';
import { CreditOverviewController } from './credit-overview.controller';
import { DepositsController } from './deposits.controller';
import { TransfersController } from './transfers.controller';

/** The brand's credit routes; each forwards to the credit or invoicing service over RPC. */
@Module({
  controllers: [
    CostCodesController,
    DepositsController,
    TransfersController,
    CreditOverviewController,
    CreditInvoicesController,
  ],
})
export class CreditApiModule {}
