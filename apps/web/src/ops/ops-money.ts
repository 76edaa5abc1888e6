import type { components } from '../api/schema';
import type { PayoutStatus } from '../components/payout-status';

export type OpsPayoutSummary = components['schemas']['OpsPayoutSummaryDto'];
export type OpsPayout = components['schemas']['OpsPayoutDto'];
export type OpsDeposit = components['schemas']['OpsDepositDto'];

export const PAYOUTS_KEY = ['ops', 'payouts'] as const;
export const DEPOSITS_KEY = ['ops', 'deposits'] as const;
export const UNMATCHED_PAYMENTS_KEY = ['ops', 'unmatched-payments'] as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A payout whose next step is the system's: the page polls until it settles. */
export const IN_MOTION: PayoutStatus[] = ['scheduled', 'processing', 'failed'];
