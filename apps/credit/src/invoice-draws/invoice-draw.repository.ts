import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  DrawForInvoiceRequest,
  InvoiceDrawView,
} from '@glimmer/contracts/credit/invoice-draw.messages';
import { toAmount, toIso } from '@glimmer/database/sql';
import type { DomainError, SerializedError } from '@glimmer/errors/domain-error';

/** The recorded outcome for one payment id: the credit drawn, or why it was refused. */
export type InvoiceDraw =
  | { status: 'drawn'; request: DrawForInvoiceRequest; view: InvoiceDrawView }
  | { status: 'refused'; request: DrawForInvoiceRequest; error: SerializedError };

interface InvoiceDrawRow {
  payment_id: string;
  brand_id: string;
  invoice_id: string;
  cost_code_id: string;
  amount: string;
  currency: string;
  status: 'drawn' | 'refused';
  transaction_id: string | null;
  error: SerializedError | null;
  created_at: string | Date;
}

function fromRow(row: InvoiceDrawRow): InvoiceDraw {
  const request: DrawForInvoiceRequest = {
    paymentId: row.payment_id,
    brandId: row.brand_id,
    invoiceId: row.invoice_id,
    costCodeId: row.cost_code_id,
    amount: toAmount(row.amount),
    currency: row.currency.trim(),
  };
  if (row.status === 'refused') return { status: 'refused', request, error: row.error! };
  return {
    status: 'drawn',
    request,
    view: {
      paymentId: request.paymentId,
      invoiceId: request.invoiceId,
      costCodeId: request.costCodeId,
      amount: request.amount,
      currency: request.currency,
      transactionId: row.transaction_id!,
      createdAt: toIso(row.created_at)!,
    },
  };
}

const INSERT = `insert into invoice_draw
  (payment_id, brand_id, invoice_id, cost_code_id, amount, currency, status, transaction_id, error)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning *`;

@Injectable()
export class InvoiceDrawRepository {
  async find(em: EntityManager, paymentId: string): Promise<InvoiceDraw | undefined> {
    const [row] = await em.execute<InvoiceDrawRow[]>(
      `select * from invoice_draw where payment_id = ?`,
      [paymentId],
    );
    return row ? fromRow(row) : undefined;
  }

  async insertDrawn(
    em: EntityManager,
    req: DrawForInvoiceRequest,
    transactionId: string,
  ): Promise<InvoiceDraw> {
    const [row] = await em.execute<InvoiceDrawRow[]>(INSERT, [
      ...this.requestValues(req),
      'drawn',
      transactionId,
      null,
    ]);
    return fromRow(row);
  }

  async insertRefused(
    em: EntityManager,
    req: DrawForInvoiceRequest,
    error: DomainError,
  ): Promise<InvoiceDraw> {
    const [row] = await em.execute<InvoiceDrawRow[]>(INSERT, [
      ...this.requestValues(req),
      'refused',
      null,
      JSON.stringify(error.serialize()),
    ]);
    return fromRow(row);
  }

  private requestValues(req: DrawForInvoiceRequest): unknown[] {
    return [req.paymentId, req.brandId, req.invoiceId, req.costCodeId, req.amount, req.currency];
  }
}
