import type { MigrationObject } from '@mikro-orm/core';
import { Migration20270105000000Initial } from './20270105000000-initial';

/** Applied in this order; never edit a migration that has shipped: add one. */
export const PAYOUT_MIGRATIONS: MigrationObject[] = [
  { name: '20270105000000-initial', class: Migration20270105000000Initial },
];
