import type { PayoutMethodType } from '@glimmer/contracts/payout/payout-method.messages';

/** The injection token of the payout provider adapter in use. */
export const PAYOUT_PROVIDER = Symbol('PAYOUT_PROVIDER');

export interface TransferRequest {
  /**
   * `${payoutId}:${attempt}`: the provider pays once per key. A re-driven attempt sends the
   * same key (so a lost reply never pays twice); a new attempt after a definite failure, a new one.
   */
  idempotencyKey: string;
  payoutId: string;
  amount: number;
  currency: string;
  method: {
    type: PayoutMethodType;
    country: string;
    /** Every field in the clear (decrypted for this call only). */
    details: Record<string, string>;
  };
}

/**
 * A definite answer. Anything else — a timeout, a dropped connection, a 5xx — is thrown: the
 * outcome is unknown, and the attempt is re-driven later with the same key.
 */
export type TransferResult =
  { outcome: 'paid'; reference: string } | { outcome: 'failed'; reason: string };

/** A payout provider (Payoneer, a bank API, the sandbox) behind one interface. */
export interface PayoutProvider {
  readonly name: string;
  send(request: TransferRequest): Promise<TransferResult>;
}
