import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKernelModule } from '@glimmer/runtime/service-kernel.module';
import { BillingProfilesModule } from './billing-profiles/billing-profiles.module';
import { CreditInvoicesModule } from './credit-invoices/credit-invoices.module';
import { InvoicingConfig, invoicingDatabase } from './invoicing.config';
import { ProjectInvoicesModule } from './project-invoices/project-invoices.module';

/**
 * The invoicing service: credit invoices (projected from deposits), billing profiles, and project
 * invoices with the credit applied to them.
 */
@Module({})
export class InvoicingModule {
  static forRoot(config: InvoicingConfig): DynamicModule {
    return {
      module: InvoicingModule,
      imports: [
        ServiceKernelModule.forService({
          service: 'invoicing',
          config,
          database: invoicingDatabase(config),
        }),
        BillingProfilesModule,
        CreditInvoicesModule,
        ProjectInvoicesModule,
      ],
    };
  }
}
