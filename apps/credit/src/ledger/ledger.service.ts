import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { toAmount } from '@glimmer/database/sql';
import { DomainError } from '@glimmer/errors/domain-error';
import { assertBalanced, inLockOrder, Leg, Posting } from './ledger-legs';

export interface CostCodeAccounts {
  availableAccountId: string;
  pendingAccountId: string;
}

/**
 * The only writer of balances. `post` runs inside the caller's transaction, so a refused debit
 * rolls back everything the use case did before it (the deposit row, a cost code created on
 * the fly, the outbox event).
 *
 * SQL on purpose, with no entity for ledger_account, journal_transaction or journal_entry
 * (they are CREDIT_SQL_TABLES): a debit is one conditional update whose row lock re-checks
 * the balance, accounts are locked in one global order, and a posting is a fixed, minimal
 * set of statements on the transfer path. A unit of work (load, change, flush) would split
 * the check from the change and choose its own statement order.
 */
@Injectable()
export class LedgerService {
  async post(em: EntityManager, posting: Posting): Promise<string> {
    assertBalanced(posting.legs);
    const currencies = new Set<string>();
    for (const leg of inLockOrder(posting.legs)) {
      currencies.add(await this.apply(em, leg));
    }
    if (currencies.size !== 1)
      throw new Error(`a journal transaction spans currencies ${[...currencies].join(', ')}`);

    const transactionId = randomUUID();
    // Plain inserts after every leg applied: the journal is written only for a posting that held.
    await em.execute(
      `insert into journal_transaction (id, brand_id, kind, reference_id) values (?, ?, ?, ?)`,
      [transactionId, posting.brandId, posting.kind, posting.referenceId],
    );
    const values = posting.legs.map(() => '(?, ?, ?)').join(', ');
    await em.execute(
      `insert into journal_entry (transaction_id, account_id, amount) values ${values}`,
      posting.legs.flatMap((leg) => [transactionId, leg.accountId, leg.amount]),
    );
    return transactionId;
  }

  /**
   * Applies one leg and returns the account's currency. A debit of available or pending credit
   * is a conditional update: under concurrency the row lock makes the second debit re-check
   * the balance the first left, so the check and the change cannot be split.
   */
  private async apply(em: EntityManager, leg: Leg): Promise<string> {
    const rows = await em.execute<{ currency: string }[]>(
      leg.amount > 0
        ? `update ledger_account set balance = balance + ? where id = ? returning currency`
        : `update ledger_account set balance = balance - ?
           where id = ? and (kind not in ('available', 'pending') or balance >= ?) returning currency`,
      leg.amount > 0 ? [leg.amount, leg.accountId] : [-leg.amount, leg.accountId, -leg.amount],
    );
    if (rows.length === 1) return rows[0].currency;
    // Refused (or no such account): read what the caller is told, in the same locked transaction.
    const [account] = await em.execute<
      { kind: string; balance: string; cost_code_id: string | null }[]
    >(`select kind, balance, cost_code_id from ledger_account where id = ?`, [leg.accountId]);
    if (!account) throw new Error(`ledger account ${leg.accountId} does not exist`);
    const available = toAmount(account.balance);
    throw new DomainError(
      'insufficient_available_credit',
      `the cost code has ${available} of ${account.kind} credit; ${-leg.amount} was requested`,
      { meta: { available, requested: -leg.amount, costCodeId: account.cost_code_id } },
    );
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
   * A brand-level account (no cost code), created on first use; concurrent first uses agree on
   * one row through the unique index.
   */
  private async systemAccount(
    em: EntityManager,
    brandId: string,
    kind: 'funding' | 'settlement',
    currency: string,
  ): Promise<string> {
    // "on conflict do nothing" on the partial unique index, then read the winner: the
    // transaction stays usable when a concurrent first use inserted the row.
    await em.execute(
      `insert into ledger_account (id, brand_id, kind, currency) values (?, ?, ?, ?) on conflict do nothing`,
      [randomUUID(), brandId, kind, currency],
    );
    const [row] = await em.execute<{ id: string }[]>(
      `select id from ledger_account where brand_id = ? and kind = ? and currency = ? and cost_code_id is null`,
      [brandId, kind, currency],
    );
    return row.id;
  }
}
