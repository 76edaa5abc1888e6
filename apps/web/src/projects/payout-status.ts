import { formatDay, formatInstant } from '../components/dates';
import type { Payout, Project } from './project-queries';

/**
 * What the creator reads about being paid for one project. Before a payout exists the project
 * tells where it stands: not complete yet, or the brand has not paid the invoice.
 */
export function payoutStatusText(
  project: Project,
  payout: Payout | null,
): { label: string; color: string; detail: string } {
  if (!payout) {
    if (project.status === 'active')
      return {
        label: 'Not due yet',
        color: 'gray',
        detail:
          'Your payment is logged once you and the brand have both marked the project complete.',
      };
    return {
      label: 'Awaiting invoice payment',
      color: 'yellow',
      detail:
        'The brand has been invoiced. You will see your payment date as soon as the invoice is paid.',
    };
  }
  const expected = payout.expectedDate ? formatDay(payout.expectedDate) : null;
  switch (payout.status) {
    case 'needs_method':
      return {
        label: 'Needs a payout method',
        color: 'orange',
        detail: 'Add a payout method in Settings → Payout so we can pay you.',
      };
    case 'scheduled':
      return {
        label: 'Scheduled',
        color: 'blue',
        detail: expected ? `You will be paid by ${expected}.` : 'Your payment is scheduled.',
      };
    case 'processing':
      return { label: 'Processing', color: 'blue', detail: 'Your payment is on its way.' };
    case 'paid':
      return {
        label: 'Paid',
        color: 'green',
        detail: payout.paidAt ? `Paid on ${formatInstant(payout.paidAt)}.` : 'Paid.',
      };
    case 'failed':
      return {
        label: 'Retrying',
        color: 'orange',
        detail: 'The last attempt to pay you failed; we are trying again.',
      };
    case 'needs_attention':
      return {
        label: 'Needs attention',
        color: 'red',
        detail: 'Our team is looking into this payment and will be in touch.',
      };
  }
}
