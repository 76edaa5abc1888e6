import { encodeCursor, KeysetPosition, Page, PageQuery } from '@glimmer/contracts/page';
import { pageSize, parseCursor } from '@glimmer/database/page-cursor';

/** SQL for a keyset position at microsecond precision (a millisecond ISO would skip rows). */
export const positionSql = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

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
