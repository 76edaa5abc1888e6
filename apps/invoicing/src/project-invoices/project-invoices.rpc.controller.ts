import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
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
import { ApplyCredit } from './apply-credit.use-case';
import { AttachCostCode } from './attach-cost-code.use-case';
import { GetProjectInvoice } from './get-project-invoice.use-case';
import { InvoicesForProjects } from './invoices-for-projects.use-case';
import { ListProjectInvoices } from './list-project-invoices.use-case';
import { ResolveStalePayments, StalePaymentsResult } from './resolve-stale-payments.use-case';

/** Project invoice RPCs: each translates its request to one use case. */
@Controller()
export class ProjectInvoicesRpcController {
  constructor(
    private readonly listInvoices: ListProjectInvoices,
    private readonly getInvoice: GetProjectInvoice,
    private readonly invoicesForProjects: InvoicesForProjects,
    private readonly applyCredit: ApplyCredit,
    private readonly attachCostCode: AttachCostCode,
    private readonly resolveStale: ResolveStalePayments,
  ) {}

  @MessagePattern(ListProjectInvoicesRpc.pattern)
  list(@Payload() req: ListProjectInvoicesRequest): Promise<Page<ProjectInvoiceView>> {
    return this.listInvoices.execute(req);
  }

  @MessagePattern(GetProjectInvoiceRpc.pattern)
  get(@Payload() req: GetProjectInvoiceRequest): Promise<ProjectInvoiceView> {
    return this.getInvoice.execute(req);
  }

  @MessagePattern(InvoicesForProjectsRpc.pattern)
  forProjects(
    @Payload() req: InvoicesForProjectsRequest,
  ): Promise<{ data: ProjectInvoiceSummary[] }> {
    return this.invoicesForProjects.execute(req);
  }

  @MessagePattern(ApplyCreditRpc.pattern)
  apply(@Payload() req: ApplyCreditRequest): Promise<ProjectInvoiceView> {
    return this.applyCredit.execute(req);
  }

  @MessagePattern(AttachCostCodeRpc.pattern)
  attach(@Payload() req: AttachCostCodeRequest): Promise<ProjectInvoiceView> {
    return this.attachCostCode.execute(req);
  }

  /** Service to service (the scheduler's sweep): no actor. */
  @MessagePattern(ResolveStalePaymentsRpc.pattern)
  resolveStalePayments(@Payload() req: ResolveStalePaymentsRequest): Promise<StalePaymentsResult> {
    return this.resolveStale.execute(req);
  }
}
