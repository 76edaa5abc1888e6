import { Module } from '@nestjs/common';
import { CreatorsModule } from '../creators/creators.module';
import { PayoutMethodsModule } from '../payout-methods/payout-methods.module';
import { ProviderModule } from '../provider/provider.module';
import { DispatchPayout } from './dispatch-payout.use-case';
import { InvoicePaidEvents } from './invoice-paid.events';
import { PayoutCoreModule } from './payout-core.module';
import { PayoutsRpc } from './payouts.rpc';
import { PayoutQueries } from './payouts.queries';
import { RecordPaidInvoice } from './record-paid-invoice.use-case';
import { RetryPayout } from './retry-payout.use-case';

/** Payouts: created from paid project invoices, dispatched exactly once, read by their owners. */
@Module({
  imports: [CreatorsModule, PayoutCoreModule, PayoutMethodsModule, ProviderModule],
  controllers: [InvoicePaidEvents, PayoutsRpc],
  providers: [RecordPaidInvoice, DispatchPayout, RetryPayout, PayoutQueries],
})
export class PayoutsModule {}
