import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@glimmer/contracts/actor';
import type {
  InvoicesForProjectsRequest,
  ListProjectInvoicesRequest,
  ProjectInvoiceSummary,
  ProjectInvoiceView,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { encodeCursor, Page } from '@glimmer/contracts/page';
import { pageSize, parseCursor } from '@glimmer/database/page-cursor';
import { notFound } from '@glimmer/errors/domain-error';
import { InvoicePaymentRepository } from './invoice-payment.repository';
import { brandIdOf, partyOf } from './invoice-actors';
import { ProjectInvoice, toSummary, toView } from './project-invoice';
import { ProjectInvoiceRepository } from './project-invoice.repository';

/** Reading project invoices: a brand's own, with their attached cost codes and payments. */
@Injectable()
export class ProjectInvoiceQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly invoices: ProjectInvoiceRepository,
    private readonly payments: InvoicePaymentRepository,
  ) {}

  async get(actor: Actor, invoiceId: string): Promise<ProjectInvoiceView> {
    return this.getForBrand(brandIdOf(actor), invoiceId);
  }

  /** Another brand's invoice is simply not found. */
  async getForBrand(brandId: string, invoiceId: string): Promise<ProjectInvoiceView> {
    const em = this.orm.em.fork();
    const invoice = await this.invoices.findForBrand(em, brandId, invoiceId);
    if (!invoice) throw notFound(`project invoice ${invoiceId}`);
    const [view] = await this.views(em, [invoice]);
    return view;
  }

  async list(actor: Actor, req: ListProjectInvoicesRequest): Promise<Page<ProjectInvoiceView>> {
    const brandId = brandIdOf(actor);
    const after = parseCursor(req.cursor);
    const limit = pageSize(req.limit);
    const em = this.orm.em.fork();
    // One extra row tells whether another page exists without a count query.
    const rows = await this.invoices.page(em, {
      brandId,
      status: req.status,
      costCodeId: req.costCodeId,
      storyCode: req.storyCode,
      after,
      limit: limit + 1,
    });
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return {
      data: await this.views(em, shown),
      nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null,
    };
  }

  async forProjects(
    actor: Actor,
    req: InvoicesForProjectsRequest,
  ): Promise<{ data: ProjectInvoiceSummary[] }> {
    const rows = await this.invoices.forProjects(this.orm.em.fork(), partyOf(actor), [
      ...new Set(req.projectIds),
    ]);
    return { data: rows.map(toSummary) };
  }

  /** Views of a page of invoices: two queries for their cost codes and payments, not 2 per row. */
  private async views(
    em: EntityManager,
    invoices: ProjectInvoice[],
  ): Promise<ProjectInvoiceView[]> {
    const ids = invoices.map((i) => i.id);
    const [attached, applied] = await Promise.all([
      this.invoices.attachedCostCodes(em, ids),
      this.payments.appliedFor(em, ids),
    ]);
    return invoices.map((i) => toView(i, attached.get(i.id)!, applied.get(i.id)!));
  }
}
