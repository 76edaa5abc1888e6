import { HttpException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { DomainError, FieldError } from './domain-error';
import { ErrorCode } from './error-codes';

/** Flattens class-validator's tree into `{ field: 'costCode.code', messages }` rows. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export function validationError(errors: ValidationError[]): DomainError {
  const fields = flattenValidationErrors(errors);
  const detail = fields.map((f) => f.messages.join('; ')).join('; ') || 'The request is not valid';
  return new DomainError('validation_failed', detail, { errors: fields });
}

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'dependency_unavailable',
  504: 'dependency_timeout',
};

/**
 * The one mapper from anything thrown to a DomainError. Unknown errors become `internal`
 * (their message is not leaked; the caller logs the original with an error id).
 */
export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse() as { message?: unknown; type?: string } | string;
    // body-parser's JSON errors arrive as a 400 HttpException with type 'entity.parse.failed'
    if (typeof body === 'object' && body?.type === 'entity.parse.failed') {
      return new DomainError('malformed_json');
    }
    const message =
      typeof body === 'string'
        ? body
        : Array.isArray(body?.message)
          ? body.message.join('; ')
          : String(body?.message ?? err.message);
    return new DomainError(
      HTTP_STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'validation_failed'),
      message,
    );
  }
  if (isLostDatabaseConnection(err)) {
    return new DomainError(
      'dependency_unavailable',
      'the database is unavailable or at capacity; retry shortly',
    );
  }
  const anyErr = err as { type?: string } | undefined;
  if (anyErr?.type === 'entity.parse.failed') return new DomainError('malformed_json');
  if (anyErr?.type === 'entity.too.large') return new DomainError('payload_too_large');
  return new DomainError('internal');
}

/**
 * PostgreSQL refusing or dropping connections (too many clients, starting up or shutting
 * down, an administrator terminating the backend, connection failures) and a refused, reset or
 * unreachable socket. The request cannot go on; whatever its transaction wrote was rolled back
 * unless the commit itself was lost, which is why every write that matters is idempotent. So it
 * is a 503 the client may retry, not an internal error.
 */
const UNAVAILABLE_CODES = new Set([
  '53300',
  '53400',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * The same failures when they carry no code: what pg, pg-pool and knex throw once the socket is
 * gone (MikroORM re-wraps them in a `DriverException` with the same message, so the message is
 * what survives).
 */
const LOST_CONNECTION_MESSAGES = [
  // pg: the server or the network closed the socket (also "... due to connection timeout")
  /Connection terminated/,
  // pg: a query on a client whose connection failed or was closed
  /Client has encountered a connection error and is not queryable/,
  /Client was closed and is not queryable/,
  // knex: a query on a transaction whose connection died under it
  /Transaction query already complete/,
  // knex's pool: no connection could be had in time (the server is gone or every one is busy)
  /Knex: Timeout acquiring a connection/,
  // pg-pool: connecting took longer than its connection timeout
  /timeout exceeded when trying to connect/,
];

/** MikroORM's and knex's own classes for the same failures. */
const LOST_CONNECTION_NAMES = new Set(['ConnectionException', 'KnexTimeoutError']);

interface MaybeDriverError {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Looks at the error, its `cause` chain and an AggregateError's members (Node's happy eyeballs). */
export function isLostDatabaseConnection(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as MaybeDriverError;
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.name === 'string' && LOST_CONNECTION_NAMES.has(e.name)) return true;
  if (
    typeof e.message === 'string' &&
    LOST_CONNECTION_MESSAGES.some((m) => m.test(e.message as string))
  ) {
    return true;
  }
  if (isLostDatabaseConnection(e.cause, depth + 1)) return true;
  return (
    Array.isArray(e.errors) && e.errors.some((inner) => isLostDatabaseConnection(inner, depth + 1))
  );
}
