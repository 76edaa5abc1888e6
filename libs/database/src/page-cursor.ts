import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  KeysetPosition,
  MAX_PAGE_SIZE,
} from '@glimmer/contracts/page';
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
  if (position === null || !ISO_INSTANT.test(position.createdAt) || !UUID.test(position.id)) {
    const message = 'cursor is not one this API returned';
    throw new DomainError('validation_failed', message, {
      errors: [{ field: 'cursor', messages: [message] }],
    });
  }
  return position;
}

export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}
