import { UnrecoverableError } from 'bullmq';
import type { RpcContract } from '@glimmer/contracts/contract';
import { DomainError } from '@glimmer/errors/domain-error';
import type { ErrorCode } from '@glimmer/errors/error-codes';
import type { RpcClient } from '@glimmer/messaging/rpc-client';

/** The RPC's answer, or the error code that shows the work is already settled. */
export type ServiceCallOutcome<T> = { value: T } | { settledBy: ErrorCode };

export interface ServiceCallOptions {
  /** Error codes meaning there is nothing left to do (the deposit was voided meanwhile…). */
  settledBy?: readonly ErrorCode[];
  /** The call's deadline; RPC_TIMEOUT_MS when unset. Past it the call is a 504 and retried. */
  timeoutMs?: number;
}

/**
 * Runs an idempotent RPC of the owning service for a job, with a deadline, and decides what its
 * error means:
 * - a code in `settledBy` means there is nothing left to do;
 * - any other client error (4xx) cannot succeed on retry: the job fails at once, for ops to see;
 * - a 5xx, a timeout (504) or an unreachable broker (503) is thrown as is, so BullMQ retries
 *   with backoff. A timed-out request may still run on the other side: that is why the RPCs
 *   jobs call are idempotent.
 */
export function callService<Req, Res>(
  rpc: RpcClient,
  contract: RpcContract<Req, Res>,
  payload: Req,
  { settledBy = [], timeoutMs }: ServiceCallOptions = {},
): Promise<ServiceCallOutcome<Res>> {
  return settle(() => rpc.call(contract, payload, timeoutMs ? { timeoutMs } : {}), settledBy);
}

/** The same decision for any call to an owning service (one deposit's answer in a run…). */
export async function settle<T>(
  call: () => Promise<T>,
  settledBy: readonly ErrorCode[] = [],
): Promise<ServiceCallOutcome<T>> {
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
