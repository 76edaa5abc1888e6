import {
  BigIntType,
  Entity,
  Formula,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { positionSql } from '@glimmer/database/page-cursor';

/**
 * The balance of one of a cost code's two ledger accounts. The ledger is SQL on purpose (no
 * entity: conditional debits, lock order), so the cost code reads its accounts with a
 * subquery on the (cost_code_id, kind) unique index: one select returns a code with its
 * accounts, as the join did, and a list of codes and its balances come from one snapshot.
 */
const account = (kind: 'available' | 'pending', column: 'id' | 'balance') => (alias: object) =>
  `(select a.${column} from ledger_account a where a.cost_code_id = ${String(alias)}.id and a.kind = '${kind}')`;

/**
 * A carrier of a brand's credit, with its two ledger accounts (available, pending). Codes are
 * unique per brand ignoring case: finance teams read "OPS-1" and "ops-1" as the same code.
 */
@Entity({ tableName: 'cost_code' })
@Index({
  name: 'cost_code_brand_code_ci_key',
  expression:
    'create unique index cost_code_brand_code_ci_key on cost_code (brand_id, lower(code))',
})
@Index({ name: 'cost_code_brand_keyset_idx', properties: ['brandId', 'createdAt', 'id'] })
export class CostCode {
  /** Set by the database (defaults) or read through a formula, never required to create one. */
  [OptionalProps]?: 'createdAt' | 'availableAccountId' | 'pendingAccountId';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Date;

  /** created_at to the microsecond, for keyset cursors (a millisecond ISO would skip rows). */
  @Formula((alias) => positionSql(`${String(alias)}.created_at`), { type: 'text', lazy: true })
  cursorAt?: string;

  /** The account transfers and invoice draws debit (read from the ledger, never written here). */
  @Formula(account('available', 'id'), { type: 'uuid' })
  availableAccountId!: string;

  /** The account deposits credit while their funds are on the way. */
  @Formula(account('pending', 'id'), { type: 'uuid' })
  pendingAccountId!: string;

  /** Loaded only when asked for (`populate: ['available', 'pending']`): views, not postings. */
  @Formula(account('available', 'balance'), { type: new BigIntType('number'), lazy: true })
  available?: number;

  @Formula(account('pending', 'balance'), { type: new BigIntType('number'), lazy: true })
  pending?: number;
}
