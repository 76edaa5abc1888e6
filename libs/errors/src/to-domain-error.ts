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
  const anyErr = err as
    { type?: string; code?: string; status?: number; statusCode?: number } | undefined;
  if (isUnavailable(anyErr?.code)) {
    return new DomainError(
      'dependency_unavailable',
      'the database is unavailable or at capacity; retry shortly',
    );
  }
  if (anyErr?.type === 'entity.parse.failed') return new DomainError('malformed_json');
  if (anyErr?.type === 'entity.too.large') return new DomainError('payload_too_large');
  return new DomainError('internal');
}

/**
 * PostgreSQL refusing or dropping connections (too many clients, starting up or shutting
 * down, connection failures) and a refused socket: the request changed nothing and may be
 * retried, so it is a 503, not an internal error.
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
]);

function isUnavailable(code: string | undefined): boolean {
  return code !== undefined && UNAVAILABLE_CODES.has(code);
}
