import { Injectable } from '@nestjs/common';
import { IsolationLevel } from '@mikro-orm/core';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { toAmount } from '@glimmer/database/sql';
import type { LedgerMismatch, LedgerVerification } from '@glimmer/contracts/credit/ledger.messages';

/** What the verification's aggregates return: text and numeric columns as pg gives them. */
type Aggregate = Record<string, string | null>;

/**
 * Proves the ledger's invariants over the whole database. Every query runs in one
 * repeatable-read snapshot, so money moving meanwhile cannot show up as a false mismatch.
 * Takes MikroORM directly so the `ledger:verify` command can run it without Nest.
 *
 * SQL on purpose: whole-database aggregates (sums and counts grouped over the ledger's tables,
 * joined to deposits and cost codes) computed by PostgreSQL, exact in numeric, in one snapshot;
 * loading entities to add them up in JavaScript would be slower and lose precision past 2^53.
 */
@Injectable()
export class LedgerVerificationService {
  constructor(private readonly orm: MikroORM) {}

  async verify(): Promise<LedgerVerification> {
    return this.orm.em.fork().transactional((em) => this.inSnapshot(em), {
      isolationLevel: IsolationLevel.REPEATABLE_READ,
      readOnly: true,
    });
  }

  private async inSnapshot(em: EntityManager): Promise<LedgerVerification> {
    const q = (sql: string) => em.execute<Aggregate[]>(sql);
    const mismatches: LedgerMismatch[] = [];

    for (const t of await q(`select t.id, count(e.id) as entries, coalesce(sum(e.amount), 0) as total
        from journal_transaction t left join journal_entry e on e.transaction_id = t.id
        group by t.id having count(e.id) < 2 or coalesce(sum(e.amount), 0) <> 0`)) {
      const entries = toAmount(t.entries);
      if (entries < 2) {
        mismatches.push({
          kind: 'transaction_without_entries',
          id: t.id!,
          expected: 2,
          actual: entries,
          detail: `transaction has ${entries} entries; a movement needs at least two`,
        });
      }
      if (toAmount(t.total) !== 0) {
        mismatches.push({
          kind: 'unbalanced_transaction',
          id: t.id!,
          expected: 0,
          actual: toAmount(t.total),
          detail: 'entries of the transaction do not sum to zero',
        });
      }
    }

    for (const a of await q(`select a.id, a.balance, coalesce(sum(e.amount), 0) as entries
        from ledger_account a left join journal_entry e on e.account_id = a.id
        group by a.id having a.balance <> coalesce(sum(e.amount), 0)`)) {
      mismatches.push({
        kind: 'account_balance_mismatch',
        id: a.id!,
        expected: toAmount(a.entries),
        actual: toAmount(a.balance),
        detail: 'account balance differs from the sum of its entries',
      });
    }

    // Settlement is only ever credited (invoice payments), so below zero means a bad posting.
    for (const a of await q(`select id, kind, balance from ledger_account
        where kind in ('available', 'pending', 'settlement') and balance < 0`)) {
      mismatches.push({
        kind: 'negative_balance',
        id: a.id!,
        expected: 0,
        actual: toAmount(a.balance),
        detail: `${a.kind} balance is below zero`,
      });
    }

    for (const t of await q(`select e.transaction_id as id, string_agg(distinct a.currency, ',') as currencies
        from journal_entry e join ledger_account a on a.id = e.account_id
        group by e.transaction_id having count(distinct a.currency) > 1`)) {
      mismatches.push({
        kind: 'currency_mismatch',
        id: t.id!,
        detail: `entries span currencies ${t.currencies}`,
      });
    }

    for (const c of await q(`select c.id, p.balance,
          coalesce((select sum(d.amount) from deposit d where d.cost_code_id = c.id and d.status = 'pending'), 0) as deposits
        from cost_code c join ledger_account p on p.cost_code_id = c.id and p.kind = 'pending'
        where p.balance <> coalesce((select sum(d.amount) from deposit d
          where d.cost_code_id = c.id and d.status = 'pending'), 0)`)) {
      mismatches.push({
        kind: 'pending_deposits_mismatch',
        id: c.id!,
        expected: toAmount(c.deposits),
        actual: toAmount(c.balance),
        detail: "pending balance differs from the sum of the cost code's pending deposits",
      });
    }

    const [counts] = await q(`select
        (select count(*) from journal_transaction) as transactions,
        (select count(*) from journal_entry) as entries,
        (select count(*) from cost_code) as cost_codes`);
    // Summed per currency in SQL (numeric, exact at any size) and returned as decimal text: one
    // JavaScript number over every brand and currency would lose cents past 2^53 (and mean nothing).
    const totals = await q(`select currency,
        coalesce(sum(balance) filter (where kind = 'available'), 0)::text as available,
        coalesce(sum(balance) filter (where kind = 'pending'), 0)::text as pending
        from ledger_account where kind in ('available', 'pending')
        group by currency order by currency`);
    return {
      ok: mismatches.length === 0,
      checkedTransactions: toAmount(counts.transactions),
      checkedEntries: toAmount(counts.entries),
      costCodes: toAmount(counts.cost_codes),
      totals: totals.map((t) => ({
        currency: t.currency!.trim(),
        available: t.available!,
        pending: t.pending!,
      })),
      mismatches,
    };
  }
}
