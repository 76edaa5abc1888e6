import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { MetricsRegistry } from '@glimmer/observability/metrics';

/**
 * `glimmer_ledger_balance_minor{kind,currency}`: the sum of every cost code's available and
 * pending balance, and of the settlement accounts (credit spent on project invoices), read on
 * scrape with one aggregate over the accounts (not the entries). SQL on purpose: ledger_account
 * has no entity (the ledger is SQL, see LedgerService), and the sum is PostgreSQL's.
 */
@Injectable()
export class LedgerMetrics {
  constructor(orm: MikroORM, metrics: MetricsRegistry) {
    metrics.gauge({
      name: 'glimmer_ledger_balance_minor',
      help: 'Sum of balances in minor units, by account kind (available, pending, settlement) and currency',
      labelNames: ['kind', 'currency'],
      async collect() {
        try {
          const rows = await orm.em
            .fork()
            .execute<{ kind: string; currency: string; total: string }[]>(
              `select kind, currency, coalesce(sum(balance), 0)::text as total from ledger_account
             where kind in ('available', 'pending', 'settlement') group by kind, currency`,
            );
          this.reset();
          for (const row of rows)
            this.set({ kind: row.kind, currency: row.currency.trim() }, Number(row.total));
        } catch {
          // database unreachable: readiness says so; keep the last values
        }
      },
    });
  }
}
