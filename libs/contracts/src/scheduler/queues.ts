/**
 * The scheduler's BullMQ queue names, shared with the gateway's ops CLI and the RPC contracts. NEVER RENAME ONE:
 * the jobs waiting, delayed or kept for de-duplication in Redis live under the old name, and a
 * renamed queue would silently never run them. To move jobs, add a new queue, deploy, let the
 * old one drain, then remove it.
 */
export enum QueueName {
  DepositClearing = 'deposit-clearing',
  Sweeps = 'sweeps',
  Notifications = 'notifications',
  OfferExpiry = 'offer-expiry',
  PayoutDispatch = 'payout-dispatch',
}

export const QUEUE_NAMES: readonly QueueName[] = Object.values(QueueName);

/** BullMQ's key prefix: environments sharing one Redis stay apart (`<prefix>:bull:<queue>:…`). */
export function bullPrefix(glimmerPrefix: string): string {
  return `${glimmerPrefix}:bull`;
}
