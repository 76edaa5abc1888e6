import { ERROR_CODES, ErrorCode } from './error-codes';

/** One field at fault in a 400, named by its path in the request (`costCode.code`). */
export interface FieldError {
  field: string;
  messages: string[];
}

/** The wire form of an error: what an RPC reply carries and what problem+json is built from. */
export interface SerializedError {
  code: ErrorCode;
  status: number;
  title: string;
  detail: string;
  errors?: FieldError[];
  /** Extra, code-specific facts a client may use (e.g. `available` on insufficient credit). */
  meta?: Record<string, unknown>;
}

/**
 * An error the domain expects and a client can act on. Throw it anywhere (HTTP, RPC handler,
 * job); the one mapper turns it into problem+json or an RPC error reply.
 */
export class DomainError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: { errors?: FieldError[]; meta?: Record<string, unknown> } = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.name = 'DomainError';
    this.status = ERROR_CODES[code].status;
    this.title = ERROR_CODES[code].title;
  }

  /** Client errors are final; retrying the same message cannot succeed. */
  get retriable(): boolean {
    return this.status >= 500;
  }

  serialize(): SerializedError {
    return {
      code: this.code,
      status: this.status,
      title: this.title,
      detail: this.message,
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
      ...(this.extra.meta ? { meta: this.extra.meta } : {}),
    };
  }

  static fromSerialized(e: SerializedError): DomainError {
    const code = e.code in ERROR_CODES ? e.code : 'internal';
    return new DomainError(code, e.detail, { errors: e.errors, meta: e.meta });
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} was not found`);
