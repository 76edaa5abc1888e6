import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { LedgerModule } from '../ledger/ledger.module';
import { CreateTransfer } from './create-transfer.use-case';
import { TransferRepository } from './transfer.repository';
import { TransfersRpc } from './transfers.rpc';

/** Moving available credit between cost codes. */
@Module({
  imports: [LedgerModule, CostCodesModule],
  controllers: [TransfersRpc],
  providers: [TransferRepository, CreateTransfer],
})
export class TransfersModule {}
