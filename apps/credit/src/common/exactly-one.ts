import { DomainError } from '@glimmer/errors/domain-error';

/**
 * Add credit and transfer name their cost code either by id or as a new one; the validators
 * cannot express "exactly one of", so the use case checks it and names the fields at fault.
 */
export function exactlyOne(fields: Record<string, unknown>): void {
  const names = Object.keys(fields);
  const given = names.filter((n) => fields[n] !== undefined && fields[n] !== null);
  if (given.length === 1) return;
  const message = `give exactly one of ${names.join(' or ')}`;
  throw new DomainError('validation_failed', message, {
    errors: (given.length ? given : names).map((field) => ({ field, messages: [message] })),
  });
}
