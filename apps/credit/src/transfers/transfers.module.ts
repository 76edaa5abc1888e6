import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { LedgerModule } from '../ledger/ledger.module';
import { CreateTransfer } from './create-transfer.use-case';
import { TransferRepository } from './transfer.repository';
import { TransfersHandler } from './transfers.handler';

/** Moving available credit between cost codes. */
@Module({
  imports: [LedgerModule, CostCodesModule],
  controllers: [TransfersHandler],
  providers: [TransferRepository, CreateTransfer],
})
export class TransfersModule {}
