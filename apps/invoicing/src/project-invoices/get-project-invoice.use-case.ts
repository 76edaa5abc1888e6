import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { requireBrand } from '@glimmer/contracts/actor';
import type {
  GetProjectInvoiceRequest,
  ProjectInvoiceView,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { ProjectInvoiceViews } from './project-invoice-views';
import { ProjectInvoiceRepository } from './project-invoice.repository';

/** One of the brand's project invoices; another brand's is simply not found. */
@Injectable()
export class GetProjectInvoice {
  constructor(
    private readonly orm: MikroORM,
    private readonly invoices: ProjectInvoiceRepository,
    private readonly views: ProjectInvoiceViews,
  ) {}

  async execute(req: GetProjectInvoiceRequest): Promise<ProjectInvoiceView> {
    const { brandId } = requireBrand(req.actor);
    const em = this.orm.em.fork();
    const invoice = await this.invoices.findForBrand(em, brandId, req.invoiceId);
    if (!invoice) throw notFound(`project invoice ${req.invoiceId}`);
    const [view] = await this.views.of(em, [invoice]);
    return view;
  }
}
