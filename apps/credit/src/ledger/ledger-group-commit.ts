import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Histogram } from 'prom-client';
import { CONFIG } from '@glimmer/config/config';
import { GroupCommit } from '@glimmer/database/group-commit';
import { MetricsRegistry } from '@glimmer/observability/metrics';
import type { CreditConfig } from '../credit.config';

/**
 * The credit service's group commit: transfers, deposits, draws and clearings that arrive
 * together share one transaction and one commit (a savepoint each only once one of them has
 * failed). A hot cost code then takes its row lock once per batch, not once per movement.
 *
 * Each item names the ledger accounts it will post to; the batch locks them all up front in
 * account-id order — the order `ledger_post` locks in — so batches never deadlock each other
 * or a lone posting. SQL on purpose: ledger_account has no entity (see LedgerService).
 */
@Injectable()
export class LedgerGroupCommit extends GroupCommit {
  constructor(orm: MikroORM, @Inject(CONFIG) config: CreditConfig, metrics: MetricsRegistry) {
    const sizes: Histogram<'outcome'> = metrics.histogram({
      name: 'glimmer_credit_group_commit_batch_size',
      help: 'Ledger commands per group-commit transaction, by outcome: committed, isolated (a command failed, the batch re-ran with a savepoint each), rolled_back (a lone command refused), failed (a batch that re-ran each alone)',
      labelNames: ['outcome'],
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    });
    super(orm, {
      windowMs: config.CREDIT_GROUP_COMMIT_WINDOW_MS,
      maxBatch: config.CREDIT_GROUP_COMMIT_MAX_BATCH,
      maxInFlight: Math.min(
        config.CREDIT_GROUP_COMMIT_MAX_IN_FLIGHT,
        Math.max(1, config.DB_POOL_MAX - 2),
      ),
      lockRows: lockAccounts,
      onBatch: (size, outcome) => sizes.observe({ outcome }, size),
    });
  }
}

async function lockAccounts(em: EntityManager, accountIds: string[]): Promise<void> {
  await em.execute(`select 1 from ledger_account where id in (?) order by id for update`, [
    accountIds,
  ]);
}
