import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { toAmount } from '@glimmer/database/sql';
import { DomainError } from '@glimmer/errors/domain-error';
import { assertBalanced, inLockOrder, Posting } from './ledger-legs';

export interface CostCodeAccounts {
  availableAccountId: string;
  pendingAccountId: string;
}

/** SQLSTATE that `ledger_post` raises for a refused debit (migration 20270501000000). */
const REFUSED_DEBIT = 'GL409';

/**
 * The only writer of balances. `post` runs inside the caller's transaction, so a refused debit
 * rolls back everything the use case did before it (the deposit row, a cost code created on
 * the fly, the outbox event) — or, in a group commit, everything its savepoint holds.
 *
 * SQL on purpose, with no entity for ledger_account, journal_transaction or journal_entry
 * (they are CREDIT_SQL_TABLES): a posting is one call of the `ledger_post` function, which
 * locks the accounts in one global order, applies each debit as a conditional update whose row
 * lock re-checks the balance, and writes the journal — one round trip on the transfer path. A
 * unit of work (load, change, flush) would split the check from the change and choose its own
 * statement order.
 */
@Injectable()
export class LedgerService {
  async post(em: EntityManager, posting: Posting): Promise<string> {
    assertBalanced(posting.legs);
    // Passed in lock order for the reader; ledger_post locks by id whatever order it is given.
    const legs = inLockOrder(posting.legs);
    try {
      const [row] = await em.execute<{ id: string }[]>(
        `select ledger_post(?, ?, ?, array[?]::uuid[], array[?]::bigint[]) as id`,
        [
          posting.brandId,
          posting.kind,
          posting.referenceId,
          legs.map((leg) => leg.accountId),
          legs.map((leg) => leg.amount),
        ],
      );
      return row.id;
    } catch (err) {
      throw refusedDebit(err) ?? err;
    }
  }

  /**
   * Several postings in one statement (a run of clearings): `ledger_post` once per posting, in
   * order, each its own journal transaction. Any refused debit fails the statement, so the
   * caller's transaction decides what rolls back, as with `post`. Returns the transaction ids.
   */
  async postMany(em: EntityManager, postings: readonly Posting[]): Promise<string[]> {
    if (postings.length === 0) return [];
    const wire = postings.map((posting) => {
      assertBalanced(posting.legs);
      const legs = inLockOrder(posting.legs);
      return {
        brandId: posting.brandId,
        kind: posting.kind,
        referenceId: posting.referenceId,
        accounts: legs.map((leg) => leg.accountId),
        amounts: legs.map((leg) => leg.amount),
      };
    });
    try {
      const rows = await em.execute<{ id: string }[]>(
        `select ledger_post((p->>'brandId')::uuid, p->>'kind', (p->>'referenceId')::uuid,
                  array(select jsonb_array_elements_text(p->'accounts'))::uuid[],
                  array(select jsonb_array_elements_text(p->'amounts'))::bigint[]) as id
           from jsonb_array_elements(?::jsonb) with ordinality as posting(p, n)
          order by n`,
        [JSON.stringify(wire)],
      );
      return rows.map((row) => row.id);
    } catch (err) {
      throw refusedDebit(err) ?? err;
    }
  }

  /** A new cost code's two accounts, both at zero. */
  async openCostCodeAccounts(
    em: EntityManager,
    cost: { brandId: string; costCodeId: string; currency: string },
  ): Promise<CostCodeAccounts> {
    const accounts = { availableAccountId: randomUUID(), pendingAccountId: randomUUID() };
    // Both accounts in one statement, in the transaction that creates the cost code.
    await em.execute(
      `insert into ledger_account (id, brand_id, cost_code_id, kind, currency)
       values (?, ?, ?, 'available', ?), (?, ?, ?, 'pending', ?)`,
      [
        ...[accounts.availableAccountId, cost.brandId, cost.costCodeId, cost.currency],
        ...[accounts.pendingAccountId, cost.brandId, cost.costCodeId, cost.currency],
      ],
    );
    return accounts;
  }

  /**
   * The brand's funding account in `currency`: the counterpart of every deposit (it goes
   * negative by what the brand has paid in or promised).
   */
  fundingAccount(em: EntityManager, brandId: string, currency: string): Promise<string> {
    return this.systemAccount(em, brandId, 'funding', currency);
  }

  /**
   * The brand's settlement account in `currency`: where credit drawn to pay project invoices
   * goes (it grows by what the brand has spent). It is never debited.
   */
  settlementAccount(em: EntityManager, brandId: string, currency: string): Promise<string> {
    return this.systemAccount(em, brandId, 'settlement', currency);
  }

  /**
   * A brand-level account if it exists, without creating it: what a command reads before its
   * transaction to name the rows it will lock (a refused command must leave nothing behind).
   */
  async existingSystemAccount(
    em: EntityManager,
    brandId: string,
    kind: 'funding' | 'settlement',
    currency: string,
  ): Promise<string | undefined> {
    const [row] = await em.execute<{ id: string }[]>(
      `select id from ledger_account where brand_id = ? and kind = ? and currency = ? and cost_code_id is null`,
      [brandId, kind, currency],
    );
    return row?.id;
  }

  /**
   * A brand-level account (no cost code), created on first use; concurrent first uses agree on
   * one row through the unique index.
   */
  private async systemAccount(
    em: EntityManager,
    brandId: string,
    kind: 'funding' | 'settlement',
    currency: string,
  ): Promise<string> {
    const existing = await this.existingSystemAccount(em, brandId, kind, currency);
    if (existing) return existing;
    // "on conflict do nothing" on the partial unique index, then read the winner: the
    // transaction stays usable when a concurrent first use inserted the row.
    await em.execute(
      `insert into ledger_account (id, brand_id, kind, currency) values (?, ?, ?, ?) on conflict do nothing`,
      [randomUUID(), brandId, kind, currency],
    );
    return (await this.existingSystemAccount(em, brandId, kind, currency))!;
  }
}

/** What the client is told about a debit `ledger_post` refused, or undefined for other errors. */
function refusedDebit(err: unknown): DomainError | undefined {
  const e = err as { code?: string; detail?: string } | undefined;
  if (e?.code !== REFUSED_DEBIT || !e.detail) return undefined;
  const refused = JSON.parse(e.detail) as {
    kind: string;
    balance: string | number;
    costCodeId: string | null;
    requested: string | number;
  };
  const available = toAmount(refused.balance);
  const requested = toAmount(refused.requested);
  return new DomainError(
    'insufficient_available_credit',
    `the cost code has ${available} of ${refused.kind} credit; ${requested} was requested`,
    { meta: { available, requested, costCodeId: refused.costCodeId } },
  );
}
