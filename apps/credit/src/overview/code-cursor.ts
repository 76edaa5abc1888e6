import { invalidCursor } from '@glimmer/database/page-cursor';

/**
 * The paged overview's cursor: the last code shown, lower-cased as the page orders it (codes
 * are unique per brand in that form), opaque to clients like every other cursor.
 */
export function encodeCodeCursor(code: string): string {
  return Buffer.from(JSON.stringify(['code', code.toLowerCase()])).toString('base64url');
}

/** The code to continue after; undefined on the first page; a cursor we did not make is a 400. */
export function parseCodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    parsed[0] === 'code' &&
    typeof parsed[1] === 'string'
  )
    return parsed[1];
  throw invalidCursor();
}
