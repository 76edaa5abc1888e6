import type {
  InvoicePaymentView,
  ProjectInvoiceStatus,
  ProjectInvoiceSummary,
  ProjectInvoiceView,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { KeysetPosition } from '@glimmer/contracts/page';

/** A project invoice as stored. */
export interface ProjectInvoice {
  id: string;
  projectId: string;
  brandId: string;
  creatorId: string;
  title: string;
  costCodeId: string;
  storyCode: string;
  amount: number;
  amountPaid: number;
  /** Held by payments waiting for credit's answer: not payable by anyone else meanwhile. */
  amountReserved: number;
  currency: string;
  status: ProjectInvoiceStatus;
  issuedAt: string;
  paidAt: string | null;
  voidedAt: string | null;
  /** issued_at to the microsecond, for keyset cursors. */
  position: KeysetPosition;
}

export const amountDue = (invoice: ProjectInvoice): number => invoice.amount - invoice.amountPaid;

/** What a new payment may still take: the amount due less what payments in flight hold. */
export const payableNow = (invoice: ProjectInvoice): number =>
  amountDue(invoice) - invoice.amountReserved;

export const isPayable = (invoice: ProjectInvoice): boolean =>
  invoice.status === 'unpaid' || invoice.status === 'partially_paid';

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
    issuedAt: invoice.issuedAt,
    paidAt: invoice.paidAt,
    voidedAt: invoice.voidedAt,
    payments,
  };
}

export function toSummary(invoice: ProjectInvoice): ProjectInvoiceSummary {
  return {
    projectId: invoice.projectId,
    invoiceId: invoice.id,
    status: invoice.status,
    amountDue: amountDue(invoice),
    paidAt: invoice.paidAt,
  };
}
