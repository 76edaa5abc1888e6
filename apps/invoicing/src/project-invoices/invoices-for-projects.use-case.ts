import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { partyOf } from '@glimmer/contracts/actor';
import type {
  InvoicesForProjectsRequest,
  ProjectInvoiceSummary,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { toSummary } from './project-invoice';
import { ProjectInvoiceRepository } from './project-invoice.repository';

/**
 * The invoice status of some projects, for project views and dashboards: a brand sees its own,
 * a creator those of its projects.
 */
@Injectable()
export class InvoicesForProjects {
  constructor(
    private readonly orm: MikroORM,
    private readonly invoices: ProjectInvoiceRepository,
  ) {}

  async execute(req: InvoicesForProjectsRequest): Promise<{ data: ProjectInvoiceSummary[] }> {
    const party = partyOf(req.actor);
    const invoices = await this.invoices.forProjects(this.orm.em.fork(), party, [
      ...new Set(req.projectIds),
    ]);
    return { data: invoices.map(toSummary) };
  }
}
