import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { CostCodeQueries } from './cost-code.queries';
import { CostCodeRepository } from './cost-code.repository';
import { CostCodesRpc } from './cost-codes.rpc';
import { CreateCostCode } from './create-cost-code.use-case';

/** Cost codes: the carriers of a brand's credit. Deposits and transfers create them on the fly. */
@Module({
  imports: [LedgerModule],
  controllers: [CostCodesRpc],
  providers: [CostCodeRepository, CreateCostCode, CostCodeQueries],
  exports: [CostCodeRepository],
})
export class CostCodesModule {}
