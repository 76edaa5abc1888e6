import type { ApplyCreditRequest } from '@glimmer/contracts/invoicing/project-invoice.messages';
import { requestHash } from '@glimmer/database/idempotent-command';
import type { DomainError } from '@glimmer/errors/domain-error';
import type { InvoicePayment } from './invoice-payment.entity';

export const INVOICE_PAYMENT_STATUSES = ['pending', 'applied', 'rejected'] as const;
export type InvoicePaymentStatus = (typeof INVOICE_PAYMENT_STATUSES)[number];

/**
 * What "the same request" means for an apply-credit key: the cost code and the amount as asked
 * (no amount stays no amount, so a retry of "pay the rest" matches after the rest was paid).
 */
export function applyRequestHash(req: Pick<ApplyCreditRequest, 'costCodeId' | 'amount'>): string {
  return requestHash({ costCodeId: req.costCodeId, amount: req.amount ?? null });
}

/** Records credit's answer on a pending payment: applied, or rejected with credit's error. */
export function settle(payment: InvoicePayment, refusal: DomainError | null, at: Date): void {
  payment.status = refusal ? 'rejected' : 'applied';
  payment.error = refusal ? refusal.serialize() : null;
  payment.settledAt = at;
}
