import type { QueryBuilder } from '@mikro-orm/postgresql';
import type { KeysetPosition } from '@glimmer/contracts/page';

/**
 * Rows after a keyset position, compared as a row value at microsecond precision: a JS Date
 * keeps milliseconds, so the position travels as text and PostgreSQL casts it. Raw on purpose:
 * MikroORM's filters have no row-value comparison.
 */
export function afterPosition<T extends object>(
  qb: QueryBuilder<T>,
  columns: { at: string; id: string },
  after: KeysetPosition | undefined,
): QueryBuilder<T> {
  if (after) {
    qb.andWhere(`(${columns.at}, ${columns.id}) > (?::timestamptz, ?::uuid)`, [
      after.createdAt,
      after.id,
    ]);
  }
  return qb;
}
