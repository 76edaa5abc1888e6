import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { requireBrand } from '@glimmer/contracts/actor';
import type {
  ListProjectInvoicesRequest,
  ProjectInvoiceView,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { Page } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import type { ProjectInvoice } from './project-invoice.entity';
import { ProjectInvoiceViews } from './project-invoice-views';
import { ProjectInvoiceRepository } from './project-invoice.repository';

/** A brand's project invoices, newest first, by status, cost code (attached) or story code. */
@Injectable()
export class ListProjectInvoices {
  constructor(
    private readonly orm: MikroORM,
    private readonly invoices: ProjectInvoiceRepository,
    private readonly views: ProjectInvoiceViews,
  ) {}

  async execute(req: ListProjectInvoicesRequest): Promise<Page<ProjectInvoiceView>> {
    const { brandId } = requireBrand(req.actor);
    const em = this.orm.em.fork();
    const page = await keysetPage(
      req,
      (after, limit) =>
        this.invoices.page(em, {
          brandId,
          status: req.status,
          costCodeId: req.costCodeId,
          storyCode: req.storyCode,
          after,
          limit,
        }),
      (invoice: ProjectInvoice) => invoice,
    );
    return { data: await this.views.of(em, page.data), nextCursor: page.nextCursor };
  }
}
