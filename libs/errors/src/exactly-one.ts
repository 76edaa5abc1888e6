import { DomainError } from './domain-error';

/**
 * For requests that take one of two alternatives (`costCodeId` or a new `costCode`): the
 * validators cannot express "exactly one of", so the gateway checks it on the body and the
 * owning service again on the request, both here, naming the fields at fault.
 */
export function requireExactlyOne<T extends object>(
  body: T,
  first: keyof T & string,
  second: keyof T & string,
): void {
  const given = [first, second].filter((f) => {
    const value = body[f as keyof T];
    return value !== undefined && value !== null;
  });
  if (given.length === 1) return;
  const message = given.length
    ? `give ${first} or ${second}, not both`
    : `give ${first} or ${second}`;
  throw new DomainError('validation_failed', message, {
    errors: [first, second].map((field) => ({ field, messages: [message] })),
  });
}
