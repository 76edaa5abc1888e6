// How payouts and their attempts are shown: to creators and brands, and to ops.
import type {
  OpsPayoutSummary,
  OpsPayoutView,
  PayoutAttemptView,
  PayoutStatus,
  PayoutView,
} from '@glimmer/contracts/payout/payout.messages';
import type { PayoutNotice } from '@glimmer/contracts/payout/payout.events';
import type { Creator } from '../creators/creator.entity';
import type { PayoutAttempt } from './payout-attempt.entity';
import type { Payout } from './payout.entity';
import { utcDate } from './payout-schedule';

/** Statuses in which the payout is still owed and on its way. */
export const ON_ITS_WAY: readonly PayoutStatus[] = ['scheduled', 'processing', 'failed'];

export function toPayoutView(p: Payout): PayoutView {
  return {
    id: p.id,
    projectId: p.projectId,
    invoiceId: p.invoiceId,
    creatorId: p.creatorId,
    amount: p.amount,
    currency: p.currency,
    status: p.status,
    expectedDate: p.expectedDate,
    dueBy: utcDate(p.dueBy),
    attempts: p.attempts,
    lastError: p.lastError,
    payoutMethodId: p.payoutMethodId,
    createdAt: p.createdAt.toISOString(),
    paidAt: p.paidAt ? p.paidAt.toISOString() : null,
  };
}

export function toOpsPayoutSummary(p: Payout): OpsPayoutSummary {
  return {
    ...toPayoutView(p),
    projectTitle: p.projectTitle,
    brandId: p.brandId,
    updatedAt: p.updatedAt.toISOString(),
  };
}

function toAttemptView(a: PayoutAttempt): PayoutAttemptView {
  return {
    attempt: a.attempt,
    startedAt: a.startedAt.toISOString(),
    finishedAt: a.finishedAt ? a.finishedAt.toISOString() : null,
    outcome: a.outcome,
    error: a.error,
    providerReference: a.providerReference,
  };
}

export function toOpsPayoutView(p: Payout, attempts: PayoutAttempt[]): OpsPayoutView {
  return { ...toOpsPayoutSummary(p), history: attempts.map(toAttemptView) };
}

export function toNotice(p: Payout, creator: Creator): PayoutNotice {
  return {
    payoutId: p.id,
    creatorId: p.creatorId,
    creatorEmail: creator.email,
    creatorName: creator.name,
    projectId: p.projectId,
    projectTitle: p.projectTitle,
    amount: p.amount,
    currency: p.currency,
  };
}
