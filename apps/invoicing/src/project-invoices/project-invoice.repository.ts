import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { ProjectInvoiceStatus } from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { ProjectCompleted } from '@glimmer/contracts/network/network.events';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { toAmount, toIso } from '@glimmer/database/sql';
import type { ProjectInvoice } from './project-invoice';

interface ProjectInvoiceRow {
  id: string;
  project_id: string;
  brand_id: string;
  creator_id: string;
  title: string;
  cost_code_id: string;
  story_code: string;
  amount: string;
  amount_paid: string;
  amount_reserved: string;
  currency: string;
  status: ProjectInvoiceStatus;
  issued_at: string | Date;
  paid_at: string | Date | null;
  voided_at: string | Date | null;
  position_at: string;
}

const COLUMNS = `id, project_id, brand_id, creator_id, title, cost_code_id, story_code, amount,
  amount_paid, amount_reserved, currency, status, issued_at, paid_at, voided_at,
  to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position_at`;

function fromRow(row: ProjectInvoiceRow): ProjectInvoice {
  return {
    id: row.id,
    projectId: row.project_id,
    brandId: row.brand_id,
    creatorId: row.creator_id,
    title: row.title,
    costCodeId: row.cost_code_id,
    storyCode: row.story_code,
    amount: toAmount(row.amount),
    amountPaid: toAmount(row.amount_paid),
    amountReserved: toAmount(row.amount_reserved),
    currency: row.currency,
    status: row.status,
    issuedAt: toIso(row.issued_at)!,
    paidAt: toIso(row.paid_at),
    voidedAt: toIso(row.voided_at),
    position: { createdAt: row.position_at, id: row.id },
  };
}

export interface ProjectInvoiceFilter {
  brandId: string;
  status?: ProjectInvoiceStatus;
  costCodeId?: string;
  storyCode?: string;
  after?: KeysetPosition;
  limit: number;
}

/** Who asks for invoices by project: a brand sees its own, a creator those of its projects. */
export type InvoiceParty = { brandId: string } | { creatorId: string };

/** SQL for project invoices and their attached cost codes; reads are scoped by brand. */
@Injectable()
export class ProjectInvoiceRepository {
  /** Issues the project's invoice unless it has one; null when it already had one. */
  async insertIfAbsent(em: EntityManager, p: ProjectCompleted): Promise<ProjectInvoice | null> {
    const [row] = await em.execute<ProjectInvoiceRow[]>(
      `insert into project_invoice (id, project_id, brand_id, creator_id, title, cost_code_id,
         story_code, amount, currency, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'unpaid')
       on conflict (project_id) do nothing
       returning ${COLUMNS}`,
      [
        randomUUID(),
        p.projectId,
        p.brandId,
        p.creatorId,
        p.title,
        p.costCodeId,
        p.storyCode,
        p.fee,
        p.currency,
      ],
    );
    return row ? fromRow(row) : null;
  }

  async findForBrand(
    em: EntityManager,
    brandId: string,
    id: string,
    { lock = false } = {},
  ): Promise<ProjectInvoice | null> {
    const [row] = await em.execute<ProjectInvoiceRow[]>(
      `select ${COLUMNS} from project_invoice where id = ? and brand_id = ?${lock ? ' for update' : ''}`,
      [id, brandId],
    );
    return row ? fromRow(row) : null;
  }

  /** Reads and row-locks an invoice for the rest of the transaction. */
  async lock(em: EntityManager, id: string): Promise<ProjectInvoice> {
    const [row] = await em.execute<ProjectInvoiceRow[]>(
      `select ${COLUMNS} from project_invoice where id = ? for update`,
      [id],
    );
    if (!row) throw new Error(`project invoice ${id} does not exist`);
    return fromRow(row);
  }

  /** Newest first by (issued_at, id); `after` is the last row of the previous page. */
  async page(em: EntityManager, filter: ProjectInvoiceFilter): Promise<ProjectInvoice[]> {
    const where = ['brand_id = ?'];
    const params: unknown[] = [filter.brandId];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.costCodeId) {
      // The offer's cost code is attached at issue, so the attached set covers both.
      where.push(`exists (select 1 from project_invoice_cost_code a
        where a.invoice_id = project_invoice.id and a.cost_code_id = ?)`);
      params.push(filter.costCodeId);
    }
    if (filter.storyCode) {
      where.push('story_code = ?');
      params.push(filter.storyCode);
    }
    if (filter.after) {
      where.push('(issued_at, id) < (?::timestamptz, ?::uuid)');
      params.push(filter.after.createdAt, filter.after.id);
    }
    params.push(filter.limit);
    const rows = await em.execute<ProjectInvoiceRow[]>(
      `select ${COLUMNS} from project_invoice where ${where.join(' and ')}
       order by issued_at desc, id desc limit ?`,
      params,
    );
    return rows.map(fromRow);
  }

  async forProjects(
    em: EntityManager,
    party: InvoiceParty,
    projectIds: string[],
  ): Promise<ProjectInvoice[]> {
    if (projectIds.length === 0) return [];
    const [column, id] =
      'brandId' in party ? ['brand_id', party.brandId] : ['creator_id', party.creatorId];
    // knex expands an array binding into a list: `in (?)` becomes `in ($1, $2, ...)`.
    const rows = await em.execute<ProjectInvoiceRow[]>(
      `select ${COLUMNS} from project_invoice where ${column} = ? and project_id in (?)`,
      [id, projectIds],
    );
    return rows.map(fromRow);
  }

  /** Attaches a cost code (idempotent). */
  async attach(em: EntityManager, invoiceId: string, costCodeId: string): Promise<void> {
    await em.execute(
      `insert into project_invoice_cost_code (invoice_id, cost_code_id) values (?, ?)
       on conflict do nothing`,
      [invoiceId, costCodeId],
    );
  }

  /** The attached cost codes of each invoice, in the order they were attached. */
  async attachedCostCodes(em: EntityManager, invoiceIds: string[]): Promise<Map<string, string[]>> {
    const attached = new Map<string, string[]>(invoiceIds.map((id) => [id, []]));
    if (invoiceIds.length === 0) return attached;
    const rows = await em.execute<{ invoice_id: string; cost_code_id: string }[]>(
      `select invoice_id, cost_code_id from project_invoice_cost_code where invoice_id in (?)
       order by attached_at, cost_code_id`,
      [invoiceIds],
    );
    for (const row of rows) attached.get(row.invoice_id)!.push(row.cost_code_id);
    return attached;
  }

  /** Holds `amount` for a payment in flight (the caller holds the row lock and checked it fits). */
  async reserve(em: EntityManager, invoiceId: string, amount: number): Promise<void> {
    await em.execute(
      `update project_invoice set amount_reserved = amount_reserved + ?, updated_at = now() where id = ?`,
      [amount, invoiceId],
    );
  }

  /** Gives back what a refused payment held. */
  async release(em: EntityManager, invoiceId: string, amount: number): Promise<void> {
    await em.execute(
      `update project_invoice set amount_reserved = amount_reserved - ?, updated_at = now() where id = ?`,
      [amount, invoiceId],
    );
  }

  /** Turns a reserved amount into a paid one; the invoice becomes paid when nothing is due. */
  async recordPaid(em: EntityManager, invoiceId: string, amount: number): Promise<ProjectInvoice> {
    // Right-hand sides read the row as it was before this update.
    const [row] = await em.execute<ProjectInvoiceRow[]>(
      `update project_invoice set
         amount_paid = amount_paid + ?,
         amount_reserved = amount_reserved - ?,
         status = case when amount_paid + ? = amount then 'paid' else 'partially_paid' end,
         paid_at = case when amount_paid + ? = amount then now() else paid_at end,
         updated_at = now()
       where id = ? returning ${COLUMNS}`,
      [amount, amount, amount, amount, invoiceId],
    );
    return fromRow(row);
  }
}
