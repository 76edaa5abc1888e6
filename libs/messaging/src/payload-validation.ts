import type { ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import { validationError } from '@glimmer/errors/to-domain-error';
import { createValidationPipe } from '@glimmer/errors/validation.pipe';

type Constructor<T> = new (...args: never[]) => T;

const pipe = createValidationPipe();

/**
 * Validates `data` against a contract's class with the project's one validation pipe (unknown
 * fields rejected, no implicit coercion) and returns the class instance. A bad payload throws
 * the pipe's `validation_failed` DomainError naming each field.
 */
export async function validatePayload<T>(cls: Constructor<T>, data: unknown): Promise<T> {
  if (!hasRules(cls)) return validateEmpty(cls, data);
  const metadata: ArgumentMetadata = { type: 'body', metatype: cls as never };
  return (await pipe.transform(data, metadata)) as T;
}

function hasRules(cls: Constructor<unknown>): boolean {
  return getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false).length > 0;
}

/**
 * A contract class without a single rule (`class VerifyLedgerRequest {}`) means "no fields".
 * class-validator would refuse any value of it as unknown (forbidUnknownValues), so it is
 * checked here: an object with no properties, as the pipe would say of each extra one.
 */
function validateEmpty<T>(cls: Constructor<T>, data: unknown): T {
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  const extra = isObject ? Object.keys(data) : [];
  if (!isObject || extra.length) {
    const errors = isObject
      ? extra.map((property) => ({
          property,
          constraints: { whitelistValidation: `property ${property} should not exist` },
        }))
      : [{ property: '', constraints: { isObject: `${cls.name} must be an object` } }];
    throw validationError(errors as ValidationError[]);
  }
  return Object.create(cls.prototype) as T;
}

/**
 * Whether producers validate what they send (RpcClient.call, OutboxService.add): everywhere but
 * production, where the receiver's check is enough and the cost is not worth paying twice.
 */
export function validatesOutgoing(): boolean {
  return process.env.NODE_ENV !== 'production';
}

/**
 * A producer's own check of what it is about to send, as the receiver will see it (after JSON:
 * a Date becomes its ISO string). The payload is sent unchanged; the check only throws, saying
 * the sender is at fault, so a wrong payload fails where it was built. `as: 'reply'` (an RPC
 * request) throws the `validation_failed` DomainError the receiver would have answered, with
 * its field list, so callers see what they would see in production; `as: 'bug'` (an event the
 * service itself records) throws a plain Error: the service's own fault, a 500.
 */
export async function assertOutgoingPayload(
  cls: Constructor<unknown>,
  pattern: string,
  payload: unknown,
  as: 'reply' | 'bug',
): Promise<void> {
  const wire: unknown = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
  try {
    await validatePayload(cls, wire);
  } catch (err) {
    const message = `refused to send an invalid ${pattern} payload (${cls.name}): ${(err as Error).message}`;
    if (as === 'reply' && err instanceof Error) {
      err.message = message;
      throw err;
    }
    throw new Error(message);
  }
}
