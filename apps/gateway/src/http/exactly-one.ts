import { DomainError } from '@glimmer/errors/domain-error';

/** For bodies that take one of two alternatives (`costCodeId` or a new `costCode`). */
export function requireExactlyOne<T extends object>(
  body: T,
  first: keyof T & string,
  second: keyof T & string,
): void {
  const given = [first, second].filter((f) => body[f as keyof T] !== undefined);
  if (given.length === 1) return;
  const message = given.length
    ? `give ${first} or ${second}, not both`
    : `give ${first} or ${second}`;
  throw new DomainError('validation_failed', message, {
    errors: [first, second].map((field) => ({ field, messages: [message] })),
  });
}
