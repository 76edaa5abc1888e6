import { Module } from '@nestjs/common';
import { BillingProfilesModule } from '../billing-profiles/billing-profiles.module';
import { ApplyDepositSnapshot } from './apply-deposit-snapshot.use-case';
import { CreditInvoiceRepository } from './credit-invoice.repository';
import { CreditInvoicesRpcController } from './credit-invoices.rpc.controller';
import { DepositEventsHandler } from './deposit-events.handler';

@Module({
  imports: [BillingProfilesModule],
  controllers: [DepositEventsHandler, CreditInvoicesRpcController],
  providers: [CreditInvoiceRepository, ApplyDepositSnapshot],
})
export class CreditInvoicesModule {}
