import type { ServiceDatabase } from '@glimmer/database/database.options';
import { schemaDiffAfterMigrations } from '@glimmer/database/schema-diff';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import {
  NETWORK_ENTITIES,
  NETWORK_SQL_TABLES,
} from '../../apps/creator-network/src/creator-network.entities';
import { NETWORK_MIGRATIONS } from '../../apps/creator-network/src/migrations';
import { CREDIT_ENTITIES, CREDIT_SQL_TABLES } from '../../apps/credit/src/credit.entities';
import { CREDIT_MIGRATIONS } from '../../apps/credit/src/migrations';
import { GATEWAY_ENTITIES, GATEWAY_SQL_TABLES } from '../../apps/gateway/src/gateway.entities';
import { GATEWAY_MIGRATIONS } from '../../apps/gateway/src/migrations';
import {
  INVOICING_ENTITIES,
  INVOICING_SQL_TABLES,
} from '../../apps/invoicing/src/invoicing.entities';
import { INVOICING_MIGRATIONS } from '../../apps/invoicing/src/migrations';
import { PAYOUT_ENTITIES, PAYOUT_SQL_TABLES } from '../../apps/payout/src/payout.entities';
import { PAYOUT_MIGRATIONS } from '../../apps/payout/src/migrations';

/**
 * Each service's entities describe exactly the schema its checked-in migrations build: after
 * migrating a fresh database, MikroORM finds nothing to change. A new column on an entity
 * without a migration (or a migration the entities don't know of) fails here; the fix is
 * `node dist/apps/<service>/src/main.js migration:create <name>`.
 */
const SERVICES_WITH_A_DATABASE: [
  string,
  Pick<ServiceDatabase, 'entities' | 'migrations' | 'sqlTables'>,
][] = [
  [
    'credit',
    { entities: CREDIT_ENTITIES, migrations: CREDIT_MIGRATIONS, sqlTables: CREDIT_SQL_TABLES },
  ],
  [
    'creator-network',
    { entities: NETWORK_ENTITIES, migrations: NETWORK_MIGRATIONS, sqlTables: NETWORK_SQL_TABLES },
  ],
  [
    'gateway',
    { entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS, sqlTables: GATEWAY_SQL_TABLES },
  ],
  [
    'invoicing',
    {
      entities: INVOICING_ENTITIES,
      migrations: INVOICING_MIGRATIONS,
      sqlTables: INVOICING_SQL_TABLES,
    },
  ],
  [
    'payout',
    { entities: PAYOUT_ENTITIES, migrations: PAYOUT_MIGRATIONS, sqlTables: PAYOUT_SQL_TABLES },
  ],
];

describe('entity metadata and migrations', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('schemadiff');
  });
  afterAll(() => env.destroy());

  it.each(SERVICES_WITH_A_DATABASE)('%s: the schema diff is empty', async (service, lists) => {
    const diff = await schemaDiffAfterMigrations({
      service,
      prefix: env.prefix,
      databaseUrl: env.databaseUrl,
      ...lists,
    });
    expect(diff).toBe('');
  });
});
