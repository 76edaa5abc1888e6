import type { components } from '../api/schema';

export type OpsPayoutSummary = components['schemas']['OpsPayoutSummaryDto'];
export type OpsPayout = components['schemas']['OpsPayoutDto'];
export type OpsDeposit = components['schemas']['OpsDepositDto'];
export type PayoutStatus = OpsPayoutSummary['status'];

export const PAYOUTS_KEY = ['ops', 'payouts'] as const;
export const DEPOSITS_KEY = ['ops', 'deposits'] as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Words and colours for payout statuses, as ops talk about them. */
export const PAYOUT_STATUS: Record<PayoutStatus, { label: string; color: string }> = {
  needs_method: { label: 'Needs a payout method', color: 'gray' },
  scheduled: { label: 'Scheduled', color: 'blue' },
  processing: { label: 'Sending', color: 'blue' },
  paid: { label: 'Paid', color: 'green' },
  failed: { label: 'Failed, will retry', color: 'orange' },
  needs_attention: { label: 'Needs attention', color: 'red' },
};

/** A payout whose next step is the system's: the page polls until it settles. */
export const IN_MOTION: PayoutStatus[] = ['scheduled', 'processing', 'failed'];
