import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { LedgerModule } from '../ledger/ledger.module';
import { InvoiceDrawRepository } from './invoice-draw.repository';
import { InvoiceDrawsRpc } from './invoice-draws.rpc';
import { DrawForInvoice } from './draw-for-invoice.use-case';

/** Drawing available credit to pay project invoices (asked by invoicing). */
@Module({
  imports: [LedgerModule, CostCodesModule],
  controllers: [InvoiceDrawsRpc],
  providers: [InvoiceDrawRepository, DrawForInvoice],
})
export class InvoiceDrawsModule {}
