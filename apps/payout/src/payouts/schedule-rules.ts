import type { ScheduleRules } from './payout-schedule';

/** The injection token for the payout timetable's rules (from config). */
export const SCHEDULE_RULES = Symbol('PAYOUT_SCHEDULE_RULES');

export interface PayoutTiming extends ScheduleRules {
  /** A payout processing longer than this lost its worker: the sweep re-drives it. */
  processingStuckMs: number;
}

export function payoutTimingFrom(config: {
  PAYOUT_MAX_DAYS: number;
  PAYOUT_DISPATCH_DELAY_MS: number;
  PAYOUT_MAX_ATTEMPTS: number;
  PAYOUT_RETRY_BASE_MS: number;
  PAYOUT_PROCESSING_STUCK_MS: number;
}): PayoutTiming {
  return {
    maxDays: config.PAYOUT_MAX_DAYS,
    dispatchDelayMs: config.PAYOUT_DISPATCH_DELAY_MS,
    maxAttempts: config.PAYOUT_MAX_ATTEMPTS,
    retryBaseMs: config.PAYOUT_RETRY_BASE_MS,
    processingStuckMs: config.PAYOUT_PROCESSING_STUCK_MS,
  };
}
