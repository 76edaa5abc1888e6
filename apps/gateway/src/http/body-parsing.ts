import { json, NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '@glimmer/errors/domain-error';
import { toProblem } from '@glimmer/errors/problem';
import { toDomainError } from '@glimmer/errors/to-domain-error';

export const BODY_LIMIT = '1mb';

/** A request whose exact bytes are kept: the payments webhook verifies its signature over them. */
export interface RawBodyRequest extends Request {
  rawBody?: Buffer;
}

/** JSON bodies up to BODY_LIMIT, keeping the raw bytes. */
export const jsonBody: RequestHandler = json({
  limit: BODY_LIMIT,
  verify: (req, _res, buf) => {
    (req as RawBodyRequest).rawBody = buf;
  },
});

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** The routes that take a file upload (multipart/form-data, parsed by multer in the controller). */
export const MULTIPART_ROUTES: ReadonlySet<string> = new Set([
  'POST /v1/me/profile/photo',
  'POST /v1/me/samples/file',
]);

/**
 * A body that is not JSON would reach the handlers as nothing at all: refuse it (415). The
 * upload routes take multipart/form-data instead (and only that).
 */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined;
  const multipart = MULTIPART_ROUTES.has(`${req.method} ${req.path.replace(/\/+$/, '')}`);
  const expected = multipart ? 'multipart/form-data' : 'application/json';
  if (WITH_BODY.has(req.method) && hasBody && !req.is(expected)) {
    next(new DomainError('unsupported_media_type', `Send the body as ${expected}`));
    return;
  }
  next();
}

function bodyError(err: unknown): DomainError {
  const known = toDomainError(err);
  if (known.code !== 'internal') return known;
  // body-parser's other client errors (unsupported charset, aborted request, bad length)
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new DomainError(
      status === 415 ? 'unsupported_media_type' : 'validation_failed',
      (err as Error).message,
    );
  }
  return known;
}

/**
 * Body parsing fails before Nest's pipeline (and its exception filter) runs, so the errors are
 * rendered here, through the same mapper: problem+json, never express's HTML page.
 */
export function bodyErrorHandler(
  err: unknown,
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (res.headersSent) return next(err);
  const error = bodyError(err);
  res
    .status(error.status)
    .type('application/problem+json')
    .json(toProblem(error.serialize(), req.originalUrl.split('?')[0]));
}
