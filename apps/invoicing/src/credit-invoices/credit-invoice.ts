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
import type { BillingProfile } from '../billing-profiles/billing-profile.entity';
import type { CreditInvoice } from './credit-invoice.entity';

/** A credit invoice's fields, as a deposit implies them or as stored (the entity has them). */
export type CreditInvoiceState = Pick<
  CreditInvoice,
  | 'id'
  | 'brandId'
  | 'depositId'
  | 'costCodeId'
  | 'costCode'
  | 'amount'
  | 'currency'
  | 'status'
  | 'version'
  | 'issuedAt'
  | 'paidAt'
  | 'voidedAt'
>;

/**
 * The invoice a deposit implies. Pending → unpaid; funds confirmed (still pending on the credit
 * side until the hold passes) or cleared → paid; voided → void.
 */
export function invoiceFromDeposit(d: DepositSnapshot): CreditInvoiceState {
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
    issuedAt: new Date(d.createdAt),
    paidAt: status === 'paid' && paidAt ? new Date(paidAt) : null,
    voidedAt: status === 'void' ? new Date(d.voidedAt ?? d.createdAt) : null,
  };
}

/**
 * What the finance contact must hear about a change from `before` (null: the invoice is new)
 * to `after`. A new invoice is always announced as issued, then as paid or void if it already
 * is (its events arrived out of order); a status is announced only on the change into it.
 */
export function noticesFor(
  before: CreditInvoiceState | null,
  after: CreditInvoiceState,
): EventContract<CreditInvoiceNotice>[] {
  const notices: EventContract<CreditInvoiceNotice>[] = [];
  if (!before) notices.push(CreditInvoiceIssuedEvent);
  if (after.status === 'paid' && before?.status !== 'paid') notices.push(CreditInvoicePaidEvent);
  if (after.status === 'void' && before?.status !== 'void') notices.push(CreditInvoiceVoidedEvent);
  return notices;
}

export function toNotice(
  invoice: CreditInvoiceState,
  profile: BillingProfile,
): CreditInvoiceNotice {
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
    issuedAt: invoice.issuedAt.toISOString(),
    paidAt: invoice.paidAt?.toISOString() ?? null,
    voidedAt: invoice.voidedAt?.toISOString() ?? null,
  };
}

export function toView(invoice: CreditInvoiceState): CreditInvoiceView {
  return {
    id: invoice.id,
    depositId: invoice.depositId,
    costCodeId: invoice.costCodeId,
    costCode: invoice.costCode,
    amount: invoice.amount,
    currency: invoice.currency,
    status: invoice.status,
    issuedAt: invoice.issuedAt.toISOString(),
    paidAt: invoice.paidAt?.toISOString() ?? null,
    voidedAt: invoice.voidedAt?.toISOString() ?? null,
  };
}
