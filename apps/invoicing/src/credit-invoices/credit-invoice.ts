import type { EventContract } from '@glimmer/contracts/contract';
import type { DepositSnapshot } from '@glimmer/contracts/credit/deposit.events';
import {
  CreditInvoiceIssuedEvent,
  CreditInvoiceNotice,
  CreditInvoicePaidEvent,
  CreditInvoiceVoidedEvent,
} from '@glimmer/contracts/invoicing/credit-invoice.events';
import type {
  CreditInvoiceStatus,
  CreditInvoiceView,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import type { BillingProfile } from '../billing-profiles/billing-profile';

/** A credit invoice as stored: the invoicing side of one deposit. */
export interface CreditInvoice {
  id: string;
  brandId: string;
  depositId: string;
  costCodeId: string;
  costCode: string;
  amount: number;
  currency: string;
  status: CreditInvoiceStatus;
  /** The deposit version this row reflects; only a higher one may replace it. */
  version: number;
  issuedAt: string;
  paidAt: string | null;
  voidedAt: string | null;
}

/**
 * The invoice a deposit implies. Pending → unpaid; funds confirmed (still pending on the credit
 * side until the hold passes) or cleared → paid; voided → void.
 */
export function invoiceFromDeposit(d: DepositSnapshot): CreditInvoice {
  const paidAt = d.fundsConfirmedAt ?? d.clearedAt ?? null;
  const status: CreditInvoiceStatus =
    d.status === 'voided' ? 'void' : d.status === 'cleared' || paidAt ? 'paid' : 'unpaid';
  return {
    id: d.creditInvoiceId,
    brandId: d.brandId,
    depositId: d.depositId,
    costCodeId: d.costCode.id,
    costCode: d.costCode.code,
    amount: d.amount,
    currency: d.currency,
    status,
    version: d.version,
    issuedAt: new Date(d.createdAt).toISOString(),
    paidAt: status === 'paid' && paidAt ? new Date(paidAt).toISOString() : null,
    voidedAt: status === 'void' ? new Date(d.voidedAt ?? d.createdAt).toISOString() : null,
  };
}

/**
 * What the finance contact must hear about a change from `before` (null: the invoice is new)
 * to `after`. A new invoice is always announced as issued, then as paid or void if it already
 * is (its events arrived out of order); a status is announced only on the change into it.
 */
export function noticesFor(
  before: CreditInvoice | null,
  after: CreditInvoice,
): EventContract<CreditInvoiceNotice>[] {
  const notices: EventContract<CreditInvoiceNotice>[] = [];
  if (!before) notices.push(CreditInvoiceIssuedEvent);
  if (after.status === 'paid' && before?.status !== 'paid') notices.push(CreditInvoicePaidEvent);
  if (after.status === 'void' && before?.status !== 'void') notices.push(CreditInvoiceVoidedEvent);
  return notices;
}

export function toNotice(invoice: CreditInvoice, profile: BillingProfile): CreditInvoiceNotice {
  return {
    creditInvoiceId: invoice.id,
    brandId: invoice.brandId,
    brandName: profile.name,
    financeEmail: profile.financeEmail,
    depositId: invoice.depositId,
    costCode: invoice.costCode,
    amount: invoice.amount,
    currency: invoice.currency,
    status: invoice.status,
    version: invoice.version,
    issuedAt: invoice.issuedAt,
    paidAt: invoice.paidAt,
    voidedAt: invoice.voidedAt,
  };
}

export function toView(invoice: CreditInvoice): CreditInvoiceView {
  return {
    id: invoice.id,
    depositId: invoice.depositId,
    costCodeId: invoice.costCodeId,
    costCode: invoice.costCode,
    amount: invoice.amount,
    currency: invoice.currency,
    status: invoice.status,
    issuedAt: invoice.issuedAt,
    paidAt: invoice.paidAt,
    voidedAt: invoice.voidedAt,
  };
}
