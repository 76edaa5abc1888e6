import { decodeCursor, DEFAULT_PAGE_SIZE, KeysetPosition, MAX_PAGE_SIZE } from '@glimmer/contracts/page';
import { DomainError } from '@glimmer/errors/domain-error';

/** A list's position: undefined on the first page; a cursor we did not make is a 400. */
export function parseCursor(cursor: string | undefined): KeysetPosition | undefined {
  const position = decodeCursor(cursor);
  if (position === null) {
    const message = 'cursor is not one this API returned';
    throw new DomainError('validation_failed', message, { errors: [{ field: 'cursor', messages: [message] }] });
  }
  return position;
}

export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
}
