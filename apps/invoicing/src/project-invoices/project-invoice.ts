import type {
  InvoicePaymentView,
  ProjectInvoiceSummary,
  ProjectInvoiceView,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { ProjectInvoice } from './project-invoice.entity';

type Amounts = Pick<ProjectInvoice, 'amount' | 'amountPaid' | 'amountReserved'>;

export const amountDue = (invoice: Amounts): number => invoice.amount - invoice.amountPaid;

/** What a new payment may still take: the amount due less what payments in flight hold. */
export const payableNow = (invoice: Amounts): number => amountDue(invoice) - invoice.amountReserved;

export const isPayable = (invoice: Pick<ProjectInvoice, 'status'>): boolean =>
  invoice.status === 'unpaid' || invoice.status === 'partially_paid';

/** Holds `amount` for a payment in flight (the caller holds the row lock and checked it fits). */
export function reserve(invoice: ProjectInvoice, amount: number): void {
  invoice.amountReserved += amount;
}

/** Gives back what a refused payment held. */
export function release(invoice: ProjectInvoice, amount: number): void {
  invoice.amountReserved -= amount;
}

/** Turns a reserved amount into a paid one; the invoice becomes paid when nothing is due. */
export function recordPaid(invoice: ProjectInvoice, amount: number, at: Date): void {
  invoice.amountReserved -= amount;
  invoice.amountPaid += amount;
  if (invoice.amountPaid === invoice.amount) {
    invoice.status = 'paid';
    invoice.paidAt = at;
  } else {
    invoice.status = 'partially_paid';
  }
}

export function toView(
  invoice: ProjectInvoice,
  attachedCostCodeIds: string[],
  payments: InvoicePaymentView[],
): ProjectInvoiceView {
  return {
    id: invoice.id,
    projectId: invoice.projectId,
    brandId: invoice.brandId,
    creatorId: invoice.creatorId,
    title: invoice.title,
    costCodeId: invoice.costCodeId,
    attachedCostCodeIds,
    storyCode: invoice.storyCode,
    amount: invoice.amount,
    amountPaid: invoice.amountPaid,
    amountDue: amountDue(invoice),
    currency: invoice.currency,
    status: invoice.status,
    issuedAt: invoice.issuedAt.toISOString(),
    paidAt: invoice.paidAt?.toISOString() ?? null,
    voidedAt: invoice.voidedAt?.toISOString() ?? null,
    payments,
  };
}

export function toSummary(invoice: ProjectInvoice): ProjectInvoiceSummary {
  return {
    projectId: invoice.projectId,
    invoiceId: invoice.id,
    status: invoice.status,
    amountDue: amountDue(invoice),
    paidAt: invoice.paidAt?.toISOString() ?? null,
  };
}
