import { Module } from '@nestjs/common';
import { InvoiceCreditSources } from './invoice-credit-sources.service';
import { InvoicesController } from './invoices.controller';

/** Project invoice routes (RPC to invoicing; credit sources from the credit service). */
@Module({
  controllers: [InvoicesController],
  providers: [InvoiceCreditSources],
})
export class InvoicingApiModule {}
