import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKernelModule } from '@glimmer/runtime/service-kernel.module';
import { CostCodesModule } from './cost-codes/cost-codes.module';
import { CreditConfig, creditDatabase } from './credit.config';
import { DepositsModule } from './deposits/deposits.module';
import { InvoiceDrawsModule } from './invoice-draws/invoice-draws.module';
import { LedgerMetrics } from './ledger/ledger.metrics';
import { LedgerModule } from './ledger/ledger.module';
import { OverviewModule } from './overview/overview.module';
import { TransfersModule } from './transfers/transfers.module';

/** The credit service: cost codes, deposits, transfers, invoice draws and the double-entry ledger. */
@Module({})
export class CreditModule {
  static forRoot(config: CreditConfig): DynamicModule {
    return {
      module: CreditModule,
      imports: [
        ServiceKernelModule.forService({
          service: 'credit',
          config,
          database: creditDatabase(config),
        }),
        LedgerModule,
        CostCodesModule,
        DepositsModule,
        TransfersModule,
        InvoiceDrawsModule,
        OverviewModule,
      ],
      providers: [LedgerMetrics],
    };
  }
}
