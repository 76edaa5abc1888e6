import { Module } from '@nestjs/common';
import { PayoutMethodsModule } from '../payout-methods/payout-methods.module';
import { ProviderModule } from '../provider/provider.module';
import { DispatchPayout } from './dispatch-payout.use-case';
import { InvoicePaidHandler } from './invoice-paid.handler';
import { PayoutCoreModule } from './payout-core.module';
import { PayoutsHandler } from './payouts.handler';
import { PayoutQueries } from './payouts.queries';
import { RecordPaidInvoice } from './record-paid-invoice.use-case';
import { RetryPayout } from './retry-payout.use-case';

/** Payouts: created from paid project invoices, dispatched exactly once, read by their owners. */
@Module({
  imports: [PayoutCoreModule, PayoutMethodsModule, ProviderModule],
  controllers: [InvoicePaidHandler, PayoutsHandler],
  providers: [RecordPaidInvoice, DispatchPayout, RetryPayout, PayoutQueries],
})
export class PayoutsModule {}
