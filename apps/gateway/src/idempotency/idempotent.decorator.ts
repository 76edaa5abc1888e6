import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';

export const IDEMPOTENT = 'glimmer:idempotent';
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export interface IdempotentOptions {
  /** When true a request without the header is refused (400 idempotency_key_required). */
  required: boolean;
}

/**
 * The route honours `Idempotency-Key`: the same key with the same request replays the first
 * response; with a different request it is refused (422). See IdempotencyInterceptor.
 */
export const Idempotent = (options: IdempotentOptions = { required: true }) =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, options),
    ApiHeader({
      name: 'Idempotency-Key',
      required: options.required,
      description:
        '1-255 printable ASCII characters; a retry with the same key and body replays the first response',
    }),
  );

export interface IdempotentRequest extends Request {
  idempotencyKey?: string;
}

/** The request's validated Idempotency-Key (on an `@Idempotent()` route). */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const key = ctx.switchToHttp().getRequest<IdempotentRequest>().idempotencyKey;
  if (!key)
    throw new Error('IdempotencyKey used on a route without @Idempotent({ required: true })');
  return key;
});
