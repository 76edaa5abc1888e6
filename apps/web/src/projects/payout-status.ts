import { formatDay, formatInstant } from '../components/dates';
import { CREATOR_PAYMENT_STATUS, type CreatorPaymentStatus } from '../components/payout-status';
import type { Payout, Project } from './project-queries';

/** What the creator reads under each state's badge on the project page. */
function detailOf(status: CreatorPaymentStatus, payout: Payout | null): string {
  switch (status) {
    case 'in_progress':
      return 'Your payment is logged once you and the brand have both marked the project complete.';
    case 'awaiting_invoice_payment':
      return 'The brand has been invoiced. You will see your payment date as soon as the invoice is paid.';
    case 'needs_method':
      return 'Add a payout method in Settings → Payout so we can pay you.';
    case 'scheduled':
      return payout?.expectedDate
        ? `You will be paid by ${formatDay(payout.expectedDate)}.`
        : 'Your payment is scheduled.';
    case 'processing':
      return 'Your payment is on its way.';
    case 'paid':
      return payout?.paidAt ? `Paid on ${formatInstant(payout.paidAt)}.` : 'Paid.';
    case 'failed':
      return 'The last attempt to pay you failed; we are trying again.';
    case 'needs_attention':
      return 'Our team is looking into this payment and will be in touch.';
  }
}

/**
 * What the creator reads about being paid for one project, in the dashboard's words. Before a
 * payout exists the project tells where it stands: not complete yet, or the brand has not paid
 * the invoice.
 */
export function payoutStatusText(
  project: Project,
  payout: Payout | null,
): { label: string; color: string; detail: string } {
  const status: CreatorPaymentStatus = payout
    ? payout.status
    : project.status === 'active'
      ? 'in_progress'
      : 'awaiting_invoice_payment';
  return { ...CREATOR_PAYMENT_STATUS[status], detail: detailOf(status, payout) };
}
