import { Controller } from '@nestjs/common';
import {
  ApplyCreditRequest,
  ApplyCreditRpc,
  AttachCostCodeRequest,
  AttachCostCodeRpc,
  GetProjectInvoiceRequest,
  GetProjectInvoiceRpc,
  InvoicesForProjectsRequest,
  InvoicesForProjectsRpc,
  ListProjectInvoicesRequest,
  ListProjectInvoicesRpc,
  ProjectInvoiceSummary,
  ProjectInvoiceView,
  ResolveStalePaymentsRequest,
  ResolveStalePaymentsRpc,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { Page } from '@glimmer/contracts/page';
import { OnRpc } from '@glimmer/messaging/handlers';
import { ApplyCredit } from './apply-credit.use-case';
import { AttachCostCode } from './attach-cost-code.use-case';
import { GetProjectInvoice } from './get-project-invoice.use-case';
import { InvoicesForProjects } from './invoices-for-projects.use-case';
import { ListProjectInvoices } from './list-project-invoices.use-case';
import { ResolveStalePayments, StalePaymentsResult } from './resolve-stale-payments.use-case';

/** Project invoice RPCs: each translates its request to one use case. */
@Controller()
export class ProjectInvoicesRpc {
  constructor(
    private readonly listInvoices: ListProjectInvoices,
    private readonly getInvoice: GetProjectInvoice,
    private readonly invoicesForProjects: InvoicesForProjects,
    private readonly applyCredit: ApplyCredit,
    private readonly attachCostCode: AttachCostCode,
    private readonly resolveStale: ResolveStalePayments,
  ) {}

  @OnRpc(ListProjectInvoicesRpc)
  list(req: ListProjectInvoicesRequest): Promise<Page<ProjectInvoiceView>> {
    return this.listInvoices.execute(req);
  }

  @OnRpc(GetProjectInvoiceRpc)
  get(req: GetProjectInvoiceRequest): Promise<ProjectInvoiceView> {
    return this.getInvoice.execute(req);
  }

  @OnRpc(InvoicesForProjectsRpc)
  forProjects(req: InvoicesForProjectsRequest): Promise<{ data: ProjectInvoiceSummary[] }> {
    return this.invoicesForProjects.execute(req);
  }

  @OnRpc(ApplyCreditRpc)
  apply(req: ApplyCreditRequest): Promise<ProjectInvoiceView> {
    return this.applyCredit.execute(req);
  }

  @OnRpc(AttachCostCodeRpc)
  attach(req: AttachCostCodeRequest): Promise<ProjectInvoiceView> {
    return this.attachCostCode.execute(req);
  }

  /** Service to service (the scheduler's sweep): no actor. */
  @OnRpc(ResolveStalePaymentsRpc)
  resolveStalePayments(req: ResolveStalePaymentsRequest): Promise<StalePaymentsResult> {
    return this.resolveStale.execute(req);
  }
}
