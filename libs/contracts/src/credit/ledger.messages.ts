import { rpcContract } from '../contract';

export interface LedgerMismatch {
  kind:
    | 'unbalanced_transaction'
    | 'transaction_without_entries'
    | 'account_balance_mismatch'
    | 'negative_balance'
    | 'currency_mismatch'
    | 'pending_deposits_mismatch';
  id: string;
  expected?: number;
  actual?: number;
  detail: string;
}

export interface LedgerCurrencyTotals {
  currency: string;
  available: string;
  pending: string;
}

export interface LedgerVerification {
  ok: boolean;
  checkedTransactions: number;
  checkedEntries: number;
  costCodes: number;
  /** Per currency; exact sums of minor units as decimal text (they may pass 2^53). */
  totals: LedgerCurrencyTotals[];
  mismatches: LedgerMismatch[];
}

export class VerifyLedgerRequest {}

export const VerifyLedgerRpc = rpcContract<VerifyLedgerRequest, LedgerVerification>(
  'credit',
  'credit.ledger.verify.v1',
  VerifyLedgerRequest,
);
