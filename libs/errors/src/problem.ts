import { PROBLEM_TYPE_BASE } from './error-codes';
import { SerializedError } from './domain-error';

/** RFC 9457 problem details, as Glimmer answers every HTTP error. */
export interface ProblemDetails extends Omit<SerializedError, 'meta'> {
  type: string;
  instance?: string;
  errorId?: string;
  [extension: string]: unknown;
}

export function toProblem(
  err: SerializedError,
  instance?: string,
  errorId?: string,
): ProblemDetails {
  return {
    // Extension members first: a code-specific fact must never overwrite a standard member.
    ...(err.meta ?? {}),
    type: `${PROBLEM_TYPE_BASE}${err.code.replace(/_/g, '-')}`,
    title: err.title,
    status: err.status,
    detail: err.detail,
    code: err.code,
    ...(err.errors ? { errors: err.errors } : {}),
    ...(instance ? { instance } : {}),
    ...(errorId ? { errorId } : {}),
  };
}
