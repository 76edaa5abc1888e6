import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { CostCodeRepository } from './cost-code.repository';
import { CostCodesHandler } from './cost-codes.handler';
import { CostCodesService } from './cost-codes.service';

/** Cost codes: the carriers of a brand's credit. Deposits and transfers create them on the fly. */
@Module({
  imports: [LedgerModule],
  controllers: [CostCodesHandler],
  providers: [CostCodeRepository, CostCodesService],
  exports: [CostCodeRepository],
})
export class CostCodesModule {}
