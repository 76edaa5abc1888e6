import { createHash } from 'node:crypto';
import type { EmailMessage } from '../notifications/email.templates';
import { QueueName } from './queue-names';

/** Job names; like queue names, never rename one (delayed jobs carry it). */
export enum JobName {
  ClearDeposit = 'clear-deposit',
  SandboxConfirm = 'sandbox-confirm',
  PendingDepositSweep = 'pending-deposit-sweep',
  SendEmail = 'send-email',
  ExpireOffer = 'expire-offer',
  DispatchPayout = 'dispatch-payout',
  PayoutSweep = 'payout-sweep',
  StalePaymentSweep = 'stale-payment-sweep',
  OfferExpirySweep = 'offer-expiry-sweep',
}

/** Every job carries the correlation id of the message or run that caused it, for its logs. */
interface Traced {
  correlationId: string;
}

/** Every job Glimmer queues: its name and the exact shape of its data. */
export type JobItem =
  | { name: JobName.ClearDeposit; data: Traced & { depositId: string } }
  | { name: JobName.SandboxConfirm; data: Traced & { depositId: string; creditInvoiceId: string } }
  | { name: JobName.PendingDepositSweep; data: Traced }
  | { name: JobName.SendEmail; data: Traced & { email: EmailMessage } }
  | { name: JobName.ExpireOffer; data: Traced & { offerId: string } }
  | { name: JobName.DispatchPayout; data: Traced & { payoutId: string; attempt: number } }
  | { name: JobName.PayoutSweep; data: Traced }
  | { name: JobName.StalePaymentSweep; data: Traced }
  | { name: JobName.OfferExpirySweep; data: Traced };

export type JobData<N extends JobName> = Extract<JobItem, { name: N }>['data'];

/** The queue each job runs on (one worker per queue). */
export const QUEUE_OF: { readonly [N in JobName]: QueueName } = {
  [JobName.ClearDeposit]: QueueName.DepositClearing,
  [JobName.SandboxConfirm]: QueueName.DepositClearing,
  [JobName.PendingDepositSweep]: QueueName.Sweeps,
  [JobName.SendEmail]: QueueName.Notifications,
  [JobName.ExpireOffer]: QueueName.OfferExpiry,
  [JobName.DispatchPayout]: QueueName.PayoutDispatch,
  [JobName.PayoutSweep]: QueueName.Sweeps,
  [JobName.StalePaymentSweep]: QueueName.Sweeps,
  [JobName.OfferExpirySweep]: QueueName.Sweeps,
};

/** BullMQ refuses custom ids with one ':' in them; anything unusual is hashed instead. */
function idPart(value: string): string {
  return /^[A-Za-z0-9_-]{1,100}$/.test(value)
    ? value
    : createHash('sha256').update(value).digest('hex');
}

/**
 * Deterministic job ids: adding a job whose id exists (waiting, delayed, active, or completed
 * and still kept) is a no-op, so a redelivered event or a sweep never queues the work twice.
 */
export const jobIds = {
  clearDeposit: (depositId: string) => `clear-deposit.${idPart(depositId)}`,
  sandboxConfirm: (depositId: string) => `sandbox-confirm.${idPart(depositId)}`,
  email: (messageId: string) => `email.${idPart(messageId)}`,
  offerExpiry: (offerId: string) => `offer-expiry.${idPart(offerId)}`,
  /** One job per payout and attempt: a retry (attempt + 1) is a new job, a redelivery is not. */
  payoutDispatch: (payoutId: string, attempt: number) =>
    `payout-dispatch.${idPart(payoutId)}.${Math.trunc(attempt)}`,
};

/** The ids of the repeatable sweep schedules, one each for the whole cluster. */
export const PENDING_DEPOSIT_SWEEP_SCHEDULER_ID = 'pending-deposit-sweep';
export const PAYOUT_SWEEP_SCHEDULER_ID = 'payout-sweep';
export const STALE_PAYMENT_SWEEP_SCHEDULER_ID = 'stale-payment-sweep';
export const OFFER_EXPIRY_SWEEP_SCHEDULER_ID = 'offer-expiry-sweep';
