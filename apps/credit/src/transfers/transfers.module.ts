import { Module } from '@nestjs/common';
import { CostCodesModule } from '../cost-codes/cost-codes.module';
import { LedgerModule } from '../ledger/ledger.module';
import { TransfersHandler } from './transfers.handler';
import { TransfersService } from './transfers.service';

/** Moving available credit between cost codes. */
@Module({
  imports: [LedgerModule, CostCodesModule],
  controllers: [TransfersHandler],
  providers: [TransfersService],
})
export class TransfersModule {}
