import { Module } from '@nestjs/common';
import { BillingProfilesModule } from '../billing-profiles/billing-profiles.module';
import { ApplyCredit } from './apply-credit.use-case';
import { AttachCostCode } from './attach-cost-code.use-case';
import { InvoicePaymentDriver } from './invoice-payment.driver';
import { InvoicePaymentRepository } from './invoice-payment.repository';
import { GetProjectInvoice } from './get-project-invoice.use-case';
import { InvoicesForProjects } from './invoices-for-projects.use-case';
import { IssueProjectInvoice } from './issue-project-invoice.use-case';
import { ListProjectInvoices } from './list-project-invoices.use-case';
import { ProjectInvoiceViews } from './project-invoice-views';
import { ProjectCompletedEvents } from './project-completed.events';
import { ProjectInvoiceRepository } from './project-invoice.repository';
import { ProjectInvoicesRpc } from './project-invoices.rpc';
import { ResolveStalePayments } from './resolve-stale-payments.use-case';

/** Project invoices: issued when a project completes, paid with credit drawn by the credit service. */
@Module({
  imports: [BillingProfilesModule],
  controllers: [ProjectCompletedEvents, ProjectInvoicesRpc],
  providers: [
    ProjectInvoiceRepository,
    InvoicePaymentRepository,
    ProjectInvoiceViews,
    GetProjectInvoice,
    ListProjectInvoices,
    InvoicesForProjects,
    IssueProjectInvoice,
    InvoicePaymentDriver,
    ApplyCredit,
    AttachCostCode,
    ResolveStalePayments,
  ],
})
export class ProjectInvoicesModule {}
