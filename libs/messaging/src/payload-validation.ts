import type { ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DomainError } from '@glimmer/errors/domain-error';
import { createValidationPipe } from '@glimmer/errors/validation.pipe';

type Constructor<T> = new (...args: never[]) => T;

const pipe = createValidationPipe();

/**
 * Validates `data` against a contract's class with the project's one validation pipe (unknown
 * fields rejected, no implicit coercion) and returns the class instance. A bad payload throws
 * the pipe's `validation_failed` DomainError naming each field.
 */
export async function validatePayload<T>(cls: Constructor<T>, data: unknown): Promise<T> {
  if (!declaresFields(cls)) return emptyPayload(cls, data);
  const metadata: ArgumentMetadata = { type: 'body', metatype: cls as never };
  return (await pipe.transform(data, metadata)) as T;
}

/** Whether class-validator knows any field of `cls` (a request may legitimately have none). */
function declaresFields(cls: Constructor<unknown>): boolean {
  return getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false).length > 0;
}

/**
 * A contract class without fields (`VerifyLedgerRequest`): class-validator refuses to validate
 * it at all ("an unknown value was passed"), so the rule is written here — nothing or `{}`.
 */
function emptyPayload<T>(cls: Constructor<T>, data: unknown): T {
  const isObject = typeof data === 'object' && data !== null && !Array.isArray(data);
  if (data !== undefined && !isObject) {
    throw new DomainError('validation_failed', `${cls.name} takes no fields`);
  }
  const extra = isObject ? Object.keys(data) : [];
  if (extra.length) {
    throw new DomainError('validation_failed', `${cls.name} takes no fields`, {
      errors: extra.map((field) => ({ field, messages: [`property ${field} should not exist`] })),
    });
  }
  return new (cls as unknown as new () => T)();
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
