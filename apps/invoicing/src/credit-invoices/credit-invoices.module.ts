import { Module } from '@nestjs/common';
import { BillingProfilesModule } from '../billing-profiles/billing-profiles.module';
import { ApplyDepositSnapshot } from './apply-deposit-snapshot.use-case';
import { CreditInvoiceRepository } from './credit-invoice.repository';
import { CreditInvoicesRpc } from './credit-invoices.rpc';
import { DepositEvents } from './deposit.events';
import { GetCreditInvoice } from './get-credit-invoice.use-case';
import { ListCreditInvoices } from './list-credit-invoices.use-case';

@Module({
  imports: [BillingProfilesModule],
  controllers: [DepositEvents, CreditInvoicesRpc],
  providers: [CreditInvoiceRepository, ApplyDepositSnapshot, ListCreditInvoices, GetCreditInvoice],
})
export class CreditInvoicesModule {}
