import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { InvoicePaymentView } from '@glimmer/contracts/invoicing/project-invoice.messages';
import { toAmount, toIso } from '@glimmer/database/sql';
import type { DomainError, SerializedError } from '@glimmer/errors/domain-error';
import type { InvoicePayment, InvoicePaymentStatus } from './invoice-payment';

interface InvoicePaymentRow {
  id: string;
  invoice_id: string;
  brand_id: string;
  cost_code_id: string;
  amount: string;
  currency: string;
  idempotency_key: string;
  request_hash: string;
  status: InvoicePaymentStatus;
  error: SerializedError | null;
  created_at: string | Date;
  settled_at: string | Date | null;
}

function fromRow(row: InvoicePaymentRow): InvoicePayment {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    brandId: row.brand_id,
    costCodeId: row.cost_code_id,
    amount: toAmount(row.amount),
    currency: row.currency,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    status: row.status,
    error: row.error,
    createdAt: toIso(row.created_at)!,
    settledAt: toIso(row.settled_at),
  };
}

export type NewInvoicePayment = Pick<
  InvoicePayment,
  'invoiceId' | 'brandId' | 'costCodeId' | 'amount' | 'currency' | 'idempotencyKey' | 'requestHash'
>;

/** SQL for credit applications. */
@Injectable()
export class InvoicePaymentRepository {
  async findByKey(
    em: EntityManager,
    invoiceId: string,
    idempotencyKey: string,
  ): Promise<InvoicePayment | null> {
    const [row] = await em.execute<InvoicePaymentRow[]>(
      `select * from invoice_payment where invoice_id = ? and idempotency_key = ?`,
      [invoiceId, idempotencyKey],
    );
    return row ? fromRow(row) : null;
  }

  async insertPending(em: EntityManager, p: NewInvoicePayment): Promise<InvoicePayment> {
    const [row] = await em.execute<InvoicePaymentRow[]>(
      `insert into invoice_payment (id, invoice_id, brand_id, cost_code_id, amount, currency,
         idempotency_key, request_hash, status)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'pending') returning *`,
      [
        randomUUID(),
        p.invoiceId,
        p.brandId,
        p.costCodeId,
        p.amount,
        p.currency,
        p.idempotencyKey,
        p.requestHash,
      ],
    );
    return fromRow(row);
  }

  /** Reads and row-locks a payment; lock its invoice first (the order every writer uses). */
  async lock(em: EntityManager, id: string): Promise<InvoicePayment> {
    const [row] = await em.execute<InvoicePaymentRow[]>(
      `select * from invoice_payment where id = ? for update`,
      [id],
    );
    if (!row) throw new Error(`invoice payment ${id} does not exist`);
    return fromRow(row);
  }

  async markApplied(em: EntityManager, id: string): Promise<void> {
    await em.execute(
      `update invoice_payment set status = 'applied', settled_at = now() where id = ?`,
      [id],
    );
  }

  async markRejected(em: EntityManager, id: string, error: DomainError): Promise<void> {
    await em.execute(
      `update invoice_payment set status = 'rejected', error = ?, settled_at = now() where id = ?`,
      [JSON.stringify(error.serialize()), id],
    );
  }

  /** Pending payments created more than `olderThanMs` ago, oldest first. */
  async stale(em: EntityManager, olderThanMs: number, limit: number): Promise<InvoicePayment[]> {
    const rows = await em.execute<InvoicePaymentRow[]>(
      `select * from invoice_payment
       where status = 'pending' and created_at < now() - (? * interval '1 millisecond')
       order by created_at limit ?`,
      [olderThanMs, limit],
    );
    return rows.map(fromRow);
  }

  /** The applied payments of each invoice, in the order they were applied. */
  async appliedFor(
    em: EntityManager,
    invoiceIds: string[],
  ): Promise<Map<string, InvoicePaymentView[]>> {
    const applied = new Map<string, InvoicePaymentView[]>(invoiceIds.map((id) => [id, []]));
    if (invoiceIds.length === 0) return applied;
    const rows = await em.execute<InvoicePaymentRow[]>(
      `select * from invoice_payment where invoice_id in (?) and status = 'applied'
       order by settled_at, id`,
      [invoiceIds],
    );
    for (const row of rows) {
      applied.get(row.invoice_id)!.push({
        id: row.id,
        costCodeId: row.cost_code_id,
        amount: toAmount(row.amount),
        at: toIso(row.settled_at)!,
      });
    }
    return applied;
  }
}
