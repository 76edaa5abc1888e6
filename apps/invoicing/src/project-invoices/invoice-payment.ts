import { createHash } from 'node:crypto';
import type { ApplyCreditRequest } from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { SerializedError } from '@glimmer/errors/domain-error';

export type InvoicePaymentStatus = 'pending' | 'applied' | 'rejected';

/** One application of credit to a project invoice, as stored. */
export interface InvoicePayment {
  id: string;
  invoiceId: string;
  brandId: string;
  costCodeId: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
  requestHash: string;
  status: InvoicePaymentStatus;
  /** Credit's refusal, answered again to a retry of the same request. */
  error: SerializedError | null;
  createdAt: string;
  settledAt: string | null;
}

/**
 * What "the same request" means for an apply-credit key: the cost code and the amount as asked
 * (no amount stays no amount, so a retry of "pay the rest" matches after the rest was paid).
 */
export function applyRequestHash(req: Pick<ApplyCreditRequest, 'costCodeId' | 'amount'>): string {
  return createHash('sha256')
    .update(JSON.stringify([req.costCodeId, req.amount ?? null]))
    .digest('hex');
}
