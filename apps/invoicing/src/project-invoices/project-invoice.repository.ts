import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Party } from '@glimmer/contracts/actor';
import type { ProjectInvoiceStatus } from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { ProjectCompleted } from '@glimmer/contracts/network/network.events';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { ProjectInvoiceCostCode } from './project-invoice-cost-code.entity';
import { ProjectInvoice } from './project-invoice.entity';
import { pastPosition } from '@glimmer/database/page-cursor';

export interface ProjectInvoiceFilter {
  brandId: string;
  status?: ProjectInvoiceStatus;
  costCodeId?: string;
  storyCode?: string;
  after?: KeysetPosition;
  limit: number;
}

/** Project invoices and their attached cost codes; reads are scoped by brand (or creator). */
@Injectable()
export class ProjectInvoiceRepository {
  /** Issues the project's invoice unless it has one; null when it already had one. */
  async insertIfAbsent(em: EntityManager, p: ProjectCompleted): Promise<ProjectInvoice | null> {
    const id = randomUUID();
    const result = await em
      .createQueryBuilder(ProjectInvoice)
      .insert({
        id,
        projectId: p.projectId,
        brandId: p.brandId,
        creatorId: p.creatorId,
        title: p.title,
        costCodeId: p.costCodeId,
        storyCode: p.storyCode,
        amount: p.fee,
        currency: p.currency,
        status: 'unpaid',
      })
      // A project has one invoice (project_invoice_project_key): a republish changes nothing.
      .onConflict('project_id')
      .ignore()
      .execute('run');
    if (result.affectedRows !== 1) return null;
    return em.findOneOrFail(ProjectInvoice, { id });
  }

  findForBrand(
    em: EntityManager,
    brandId: string,
    id: string,
    { lock = false } = {},
  ): Promise<ProjectInvoice | null> {
    return em.findOne(
      ProjectInvoice,
      { id, brandId },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
  }

  /** Reads and row-locks an invoice for the rest of the transaction. */
  lock(em: EntityManager, id: string): Promise<ProjectInvoice> {
    return em.findOneOrFail(
      ProjectInvoice,
      { id },
      {
        lockMode: LockMode.PESSIMISTIC_WRITE,
        failHandler: () => new Error(`project invoice ${id} does not exist`),
      },
    );
  }

  /** Newest first by (issued_at, id); `after` is the last row of the previous page. */
  page(em: EntityManager, filter: ProjectInvoiceFilter): Promise<ProjectInvoice[]> {
    const where: FilterQuery<ProjectInvoice> = { brandId: filter.brandId };
    if (filter.status) where.status = filter.status;
    if (filter.storyCode) where.storyCode = filter.storyCode;
    // The offer's cost code is attached at issue, so the attached set covers both.
    if (filter.costCodeId) where.attachedCostCodes = { $some: { costCodeId: filter.costCodeId } };
    const qb = em
      .createQueryBuilder(ProjectInvoice, 'i')
      .where(where)
      .orderBy({ issuedAt: 'desc', id: 'desc' })
      .limit(filter.limit);
    // The cursor is `positionAt`; the (brand_id, issued_at desc, id desc) index serves the page.
    pastPosition(qb, { at: 'i.issued_at', id: 'i.id', order: 'desc' }, filter.after);
    return qb.getResultList();
  }

  forProjects(em: EntityManager, party: Party, projectIds: string[]): Promise<ProjectInvoice[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    const scope =
      party.kind === 'brand' ? { brandId: party.brandId } : { creatorId: party.creatorId };
    return em.find(ProjectInvoice, { ...scope, projectId: { $in: projectIds } });
  }

  /** Attaches a cost code (idempotent). */
  async attach(em: EntityManager, invoiceId: string, costCodeId: string): Promise<void> {
    await em
      .createQueryBuilder(ProjectInvoiceCostCode)
      .insert({ invoiceId, costCodeId })
      .onConflict(['invoiceId', 'costCodeId'])
      .ignore()
      .execute('run');
  }

  /** The attached cost codes of each invoice, in the order they were attached. */
  async attachedCostCodes(em: EntityManager, invoiceIds: string[]): Promise<Map<string, string[]>> {
    const attached = new Map<string, string[]>(invoiceIds.map((id) => [id, []]));
    if (invoiceIds.length === 0) return attached;
    const rows = await em.find(
      ProjectInvoiceCostCode,
      { invoiceId: { $in: invoiceIds } },
      { orderBy: { attachedAt: 'asc', costCodeId: 'asc' } },
    );
    for (const row of rows) attached.get(row.invoiceId)!.push(row.costCodeId);
    return attached;
  }
}
