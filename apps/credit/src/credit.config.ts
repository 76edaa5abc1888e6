import { z } from 'zod';
import { baseConfigSchema } from '@glimmer/config/config';
import { refuseUnsafeInProduction } from '@glimmer/config/production-guards';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { CREDIT_ENTITIES, CREDIT_SQL_TABLES } from './credit.entities';
import { CREDIT_MIGRATIONS } from './migrations';

export const creditConfigSchema = baseConfigSchema
  .extend({
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(20),
    /**
     * Unpaid deposits (pending, funds not confirmed) a brand may have at once: each mails a credit
     * invoice to its finance contact and needs no money, so this bounds that mail.
     */
    CREDIT_MAX_UNPAID_DEPOSITS: z.coerce.number().int().min(1).max(100_000).default(20),
    /**
     * Group commit (LedgerGroupCommit): how long a ledger command waits for others to share its
     * transaction (ms; 0 = only those already queued), the most commands in one transaction,
     * and how many such transactions run at once (each holds a pooled connection; at most
     * DB_POOL_MAX − 2, so the reads before a batch always find one). Work whose accounts a
     * running batch holds waits for the next batch, so a hot code gets one batch at a time and
     * other codes run beside it; on the 2-core bench machine 8 and 32 a batch measured the same
     * (README Benchmarks).
     */
    CREDIT_GROUP_COMMIT_WINDOW_MS: z.coerce.number().min(0).max(50).default(1),
    CREDIT_GROUP_COMMIT_MAX_BATCH: z.coerce.number().int().min(1).max(1000).default(8),
    CREDIT_GROUP_COMMIT_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(50).default(8),
  })
  .superRefine(refuseUnsafeInProduction);

export type CreditConfig = z.infer<typeof creditConfigSchema>;

export function creditDatabase(config: CreditConfig): ServiceDatabase {
  return {
    service: 'credit',
    prefix: config.GLIMMER_PREFIX,
    databaseUrl: config.DATABASE_URL,
    entities: CREDIT_ENTITIES,
    sqlTables: CREDIT_SQL_TABLES,
    migrations: CREDIT_MIGRATIONS,
    poolMax: config.DB_POOL_MAX,
  };
}
