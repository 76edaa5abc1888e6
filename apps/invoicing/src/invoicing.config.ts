import { z } from 'zod';
import { baseConfigSchema } from '@glimmer/config/config';
import { refuseUnsafeInProduction } from '@glimmer/config/production-guards';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { INVOICING_ENTITIES, INVOICING_SQL_TABLES } from './invoicing.entities';
import { INVOICING_MIGRATIONS } from './migrations';

export const invoicingConfigSchema = baseConfigSchema
  .extend({
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(20),
  })
  .superRefine(refuseUnsafeInProduction);

export type InvoicingConfig = z.infer<typeof invoicingConfigSchema>;

export function invoicingDatabase(config: InvoicingConfig): ServiceDatabase {
  return {
    service: 'invoicing',
    prefix: config.GLIMMER_PREFIX,
    databaseUrl: config.DATABASE_URL,
    // Invoices, payments and billing profiles are entities (invoicing.entities.ts); only the
    // outbox and inbox tables are SQL on purpose.
    entities: INVOICING_ENTITIES,
    sqlTables: INVOICING_SQL_TABLES,
    migrations: INVOICING_MIGRATIONS,
    poolMax: config.DB_POOL_MAX,
  };
}
