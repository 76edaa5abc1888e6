import { UnrecoverableError } from 'bullmq';
import { DomainError } from '@glimmer/errors/domain-error';
import type { ErrorCode } from '@glimmer/errors/error-codes';

/** The RPC's answer, or the error code that shows the work is already settled. */
export type CreditCallOutcome<T> = { value: T } | { settledBy: ErrorCode };

/**
 * Runs an idempotent credit RPC for a job and decides what its error means:
 * - a code in `settledBy` (the deposit was voided meanwhile…) means there is nothing left to do;
 * - any other client error (4xx) cannot succeed on retry: the job fails at once, for ops to see;
 * - a 5xx or a timeout is thrown as is, so BullMQ retries with backoff.
 */
export async function callCredit<T>(
  call: () => Promise<T>,
  settledBy: readonly ErrorCode[],
): Promise<CreditCallOutcome<T>> {
  try {
    return { value: await call() };
  } catch (err) {
    if (err instanceof DomainError && settledBy.includes(err.code)) return { settledBy: err.code };
    if (err instanceof DomainError && !err.retriable) {
      throw new UnrecoverableError(`${err.code}: ${err.message}`);
    }
    throw err;
  }
}
