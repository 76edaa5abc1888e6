import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261201000000Initial } from './20261201000000-initial';

/** Applied in this order; never edit a migration that has shipped: add one. */
export const NETWORK_MIGRATIONS: MigrationObject[] = [
  { name: '20261201000000-initial', class: Migration20261201000000Initial },
];
