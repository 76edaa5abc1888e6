/** Pure rules of a journal posting, kept apart from SQL so they are unit-tested on their own. */

export const JOURNAL_KINDS = [
  'deposit_pending',
  'deposit_cleared',
  'deposit_voided',
  'transfer',
  'invoice_payment',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** One side of a movement: a signed amount in minor units (+ credits the account, − debits it). */
export interface Leg {
  accountId: string;
  amount: number;
}

export interface Posting {
  brandId: string;
  kind: JournalKind;
  /** The deposit, transfer or invoice payment the movement belongs to. */
  referenceId: string;
  legs: Leg[];
}

/** The two legs that move `amount` from one account to another. */
export function move(fromAccountId: string, toAccountId: string, amount: number): Leg[] {
  return [
    { accountId: fromAccountId, amount: -amount },
    { accountId: toAccountId, amount },
  ];
}

/**
 * Double entry: at least two legs, each a non-zero safe integer, one leg per account, summing
 * to zero. A violation is a programming error, never a client's: it throws a plain Error.
 */
export function assertBalanced(legs: readonly Leg[]): void {
  if (legs.length < 2)
    throw new Error(`a journal transaction needs at least two legs (got ${legs.length})`);
  const accounts = new Set<string>();
  let sum = 0;
  for (const leg of legs) {
    if (!Number.isSafeInteger(leg.amount) || leg.amount === 0) {
      throw new Error(`leg amount must be a non-zero integer (got ${leg.amount})`);
    }
    if (accounts.has(leg.accountId))
      throw new Error(`account ${leg.accountId} appears in two legs`);
    accounts.add(leg.accountId);
    sum += leg.amount;
  }
  if (!Number.isSafeInteger(sum) || sum !== 0)
    throw new Error(`journal legs must sum to zero (sum ${sum})`);
}

/**
 * Every posting locks its accounts in one global order (ascending id, which for lower-case
 * uuids is also PostgreSQL's uuid order), so two transfers in opposite directions queue up
 * behind each other instead of deadlocking.
 */
export function inLockOrder(legs: readonly Leg[]): Leg[] {
  return [...legs].sort((a, b) =>
    a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0,
  );
}
