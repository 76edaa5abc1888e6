import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CreditInvoiceStatus } from '@glimmer/contracts/invoicing/credit-invoice.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';
import { toAmount, toIso } from '@glimmer/database/sql';
import { CreditInvoice } from './credit-invoice';

interface CreditInvoiceRow {
  id: string;
  brand_id: string;
  deposit_id: string;
  cost_code_id: string;
  cost_code: string;
  amount: string | number;
  currency: string;
  status: CreditInvoiceStatus;
  version: number;
  issued_at: Date | string;
  paid_at: Date | string | null;
  voided_at: Date | string | null;
}

const COLUMNS = `id, brand_id, deposit_id, cost_code_id, cost_code, amount, currency, status, version,
  issued_at, paid_at, voided_at`;

function fromRow(row: CreditInvoiceRow): CreditInvoice {
  return {
    id: row.id,
    brandId: row.brand_id,
    depositId: row.deposit_id,
    costCodeId: row.cost_code_id,
    costCode: row.cost_code,
    amount: toAmount(row.amount),
    currency: row.currency,
    status: row.status,
    version: Number(row.version),
    issuedAt: toIso(row.issued_at)!,
    paidAt: toIso(row.paid_at),
    voidedAt: toIso(row.voided_at),
  };
}

export interface CreditInvoiceFilter {
  brandId: string;
  status?: CreditInvoiceStatus;
  after?: KeysetPosition;
  limit: number;
}

@Injectable()
export class CreditInvoiceRepository {
  /**
   * Inserts the invoice unless one with its id exists; true when this call created it. A
   * concurrent insert of the same id waits for the other transaction, then reports false.
   */
  async insertIfAbsent(em: EntityManager, i: CreditInvoice): Promise<boolean> {
    const inserted: unknown[] = await em.execute(
      `insert into credit_invoice (${COLUMNS})
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (id) do nothing
       returning id`,
      [
        i.id,
        i.brandId,
        i.depositId,
        i.costCodeId,
        i.costCode,
        i.amount,
        i.currency,
        i.status,
        i.version,
        i.issuedAt,
        i.paidAt,
        i.voidedAt,
      ],
    );
    return inserted.length === 1;
  }

  /** Reads and row-locks an invoice for the rest of the transaction. */
  async lock(em: EntityManager, id: string): Promise<CreditInvoice | null> {
    const [row] = await em.execute<CreditInvoiceRow[]>(
      `select ${COLUMNS} from credit_invoice where id = ? for update`,
      [id],
    );
    return row ? fromRow(row) : null;
  }

  /** Replaces the mutable state; the caller holds the row lock and checked the version. */
  async updateState(em: EntityManager, i: CreditInvoice): Promise<void> {
    await em.execute(
      `update credit_invoice
       set status = ?, version = ?, paid_at = ?, voided_at = ?, cost_code = ?, updated_at = now()
       where id = ?`,
      [i.status, i.version, i.paidAt, i.voidedAt, i.costCode, i.id],
    );
  }

  async findForBrand(
    em: EntityManager,
    brandId: string,
    id: string,
  ): Promise<CreditInvoice | null> {
    const [row] = await em.execute<CreditInvoiceRow[]>(
      `select ${COLUMNS} from credit_invoice where id = ? and brand_id = ?`,
      [id, brandId],
    );
    return row ? fromRow(row) : null;
  }

  /** Newest first by (issued_at, id); `after` is the last row of the previous page. */
  async list(em: EntityManager, filter: CreditInvoiceFilter): Promise<CreditInvoice[]> {
    const where = ['brand_id = ?'];
    const params: unknown[] = [filter.brandId];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.after) {
      where.push('(issued_at, id) < (?::timestamptz, ?::uuid)');
      params.push(filter.after.createdAt, filter.after.id);
    }
    params.push(filter.limit);
    const rows = await em.execute<CreditInvoiceRow[]>(
      `select ${COLUMNS} from credit_invoice where ${where.join(' and ')}
       order by issued_at desc, id desc limit ?`,
      params,
    );
    return rows.map(fromRow);
  }
}
