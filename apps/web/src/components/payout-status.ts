import type { components } from '../api/schema';

/** A payout's own states, as the payout service reports them. */
export type PayoutStatus = components['schemas']['PayoutStatus'];
/** What a creator's project says about being paid: a payout's state, or where it stands before one exists. */
export type CreatorPaymentStatus = components['schemas']['ProjectPaymentStatus'];

export type StatusLook = { label: string; color: string };

/**
 * How each payment state reads to a creator (dashboard and project page alike). A failed attempt
 * is retried by itself, so the creator reads "Retrying", not "Failed"; a payout that needs a person
 * is ours to fix, so it reads "Delayed — we are on it".
 */
export const CREATOR_PAYMENT_STATUS: Record<CreatorPaymentStatus, StatusLook> = {
  in_progress: { label: 'Not due yet', color: 'gray' },
  awaiting_invoice_payment: { label: 'Awaiting invoice payment', color: 'yellow' },
  needs_method: { label: 'Needs a payout method', color: 'orange' },
  scheduled: { label: 'Scheduled', color: 'blue' },
  processing: { label: 'Processing', color: 'blue' },
  paid: { label: 'Paid', color: 'green' },
  failed: { label: 'Retrying', color: 'orange' },
  needs_attention: { label: 'Delayed — we are on it', color: 'red' },
};

/**
 * The same states as ops talk about them: what the system is doing, not what the creator should
 * do (a missing payout method is the creator's step, so it is grey here, not a warning).
 */
export const OPS_PAYOUT_STATUS: Record<PayoutStatus, StatusLook> = {
  needs_method: { label: 'Needs a payout method', color: 'gray' },
  scheduled: { label: 'Scheduled', color: 'blue' },
  processing: { label: 'Sending', color: 'blue' },
  paid: { label: 'Paid', color: 'green' },
  failed: { label: 'Failed, will retry', color: 'orange' },
  needs_attention: { label: 'Needs attention', color: 'red' },
};
