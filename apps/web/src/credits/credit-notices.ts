import type { ReactNode } from 'react';
import { formatMoneyText } from '@glimmer/money/money-text';
import type { CostCode, CreditInvoice } from './credit-queries';

/** What Add Credit reports back to the page once the deposit is made. */
export interface DepositMade {
  amount: number;
  /** How the cost code reads in a sentence. */
  costCode: string;
  costCodeId: string;
  creditInvoiceId: string;
}

/** What Transfer Credit reports back. */
export interface TransferMade {
  amount: number;
  from: string;
  to: string;
}

/** What deleting an unpaid credit invoice reports back. */
export interface CreditCancelled {
  amount: number;
  /** How the cost code reads in a sentence. */
  costCode: string;
}

/** What the Credits page says after an action, above the totals. */
export interface NoticeText {
  title: string;
  message: ReactNode;
  /** A warning (a VOID invoice finance must not pay) rather than a plain confirmation. */
  warning?: boolean;
}

/**
 * A deposit's notice follows the deposit as the page refreshes: pending (and the invoice sent
 * to finance), then the invoice paid, then the credit available.
 */
export function depositNotice(
  made: DepositMade,
  state: { paidInvoices: CreditInvoice[]; costCode: CostCode | undefined; financeContact: string },
  currency: string,
): NoticeText {
  const amount = formatMoneyText(made.amount, currency);
  const isPaid = state.paidInvoices.some((i) => i.id === made.creditInvoiceId);
  if (isPaid && state.costCode?.pending === 0)
    return {
      title: `${amount} of credit is available`,
      message: `The funds cleared: the credit invoice is paid and the credit is ready to use on ${made.costCode}.`,
    };
  if (isPaid)
    return {
      title: 'Credit invoice paid',
      message: `The funds for ${amount} arrived; the credit becomes available on ${made.costCode} as soon as they clear.`,
    };
  return {
    title: `${amount} of credit is pending`,
    message: `The deposit to ${made.costCode} shows as Pending until your funds clear; then it becomes available credit. Its credit invoice has been emailed to ${state.financeContact} and is listed below as unpaid.`,
  };
}

export function transferNotice(made: TransferMade, currency: string): NoticeText {
  return {
    title: 'Credit transferred',
    message: `${formatMoneyText(made.amount, currency)} moved from ${made.from} to ${made.to}.`,
  };
}

/** The help center: "it's VERY important to remind your finance department that the credit invoice is now VOID". */
export function cancelledNotice(
  cancelled: CreditCancelled,
  financeContact: string,
  currency: string,
): NoticeText {
  return {
    title: 'The credit invoice is now VOID',
    warning: true,
    message: `${formatMoneyText(cancelled.amount, currency)} of pending credit was removed from ${cancelled.costCode}. We have emailed ${financeContact} that the credit invoice is VOID — please make sure your finance department does not pay it.`,
  };
}
