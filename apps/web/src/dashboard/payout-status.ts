import type { components } from '../api/schema';

export type ProjectPaymentStatus = components['schemas']['DashboardProjectDto']['payoutStatus'];

/** How each payment state reads to a creator, and its badge colour. */
export const PAYMENT_STATUS: Record<ProjectPaymentStatus, { label: string; color: string }> = {
  in_progress: { label: 'Project in progress', color: 'gray' },
  awaiting_invoice_payment: { label: 'Awaiting the brand’s payment', color: 'yellow' },
  needs_method: { label: 'Needs a payout method', color: 'orange' },
  scheduled: { label: 'Scheduled', color: 'blue' },
  processing: { label: 'Processing', color: 'indigo' },
  paid: { label: 'Paid', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  needs_attention: { label: 'Delayed — we are on it', color: 'red' },
};

/** States that change by themselves soon: the page polls while one is shown. */
export const MOVING: ReadonlySet<string> = new Set(['scheduled', 'processing']);
