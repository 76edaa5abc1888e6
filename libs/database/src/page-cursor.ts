import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  KeysetPosition,
  MAX_PAGE_SIZE,
  Page,
  PageQuery,
} from '@glimmer/contracts/page';
import type { QueryBuilder } from '@mikro-orm/postgresql';
import { DomainError } from '@glimmer/errors/domain-error';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A list's position: undefined on the first page. A cursor we did not make is a 400 — checked
 * strictly here, because a loosely "valid" one (JS parses "1" as a date) would reach SQL casts.
 */
export function parseCursor(cursor: string | undefined): KeysetPosition | undefined {
  const position = decodeCursor(cursor);
  if (position === undefined) return undefined;
  if (position === null || !ISO_INSTANT.test(position.createdAt) || !UUID.test(position.id))
    throw invalidCursor();
  return position;
}

/** The 400 for a `cursor` this API did not make (every list answers it alike). */
export function invalidCursor(): DomainError {
  const message = 'cursor is not one this API returned';
  return new DomainError('validation_failed', message, {
    errors: [{ field: 'cursor', messages: [message] }],
  });
}

export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}

/** SQL for a keyset position at microsecond precision (a millisecond ISO would skip rows). */
export const positionSql = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Rows past a keyset position in the page's order — `(at, id) > position` for an ascending
 * page, `<` for a descending one — compared as a row value, so the `(…, at, id)` index serves
 * the page, at microsecond precision (the position travels as text and PostgreSQL casts it: a
 * JS Date keeps milliseconds and would skip rows). Raw on purpose: MikroORM's filters have no
 * row-value comparison.
 */
export function pastPosition<T extends object>(
  qb: QueryBuilder<T>,
  columns: { at: string; id: string; order?: 'asc' | 'desc' },
  position: KeysetPosition | undefined,
): QueryBuilder<T> {
  if (!position) return qb;
  const past = columns.order === 'desc' ? '<' : '>';
  return qb.andWhere(`(${columns.at}, ${columns.id}) ${past} (?::timestamptz, ?::uuid)`, [
    position.createdAt,
    position.id,
  ]);
}

/**
 * Runs a keyset page query for one extra row, which tells whether another page exists without
 * a count query.
 */
export async function keysetPage<Row, View>(
  query: PageQuery,
  fetch: (
    after: KeysetPosition | undefined,
    limit: number,
  ) => Promise<(Row & { position: KeysetPosition })[]>,
  view: (row: Row) => View,
): Promise<Page<View>> {
  const after = parseCursor(query.cursor);
  const limit = pageSize(query.limit);
  const rows = await fetch(after, limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    data: shown.map(view),
    nextCursor: rows.length > limit && last ? encodeCursor(last.position) : null,
  };
}
