import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Observable, throwError } from 'rxjs';
import { SerializedError } from './domain-error';
import { toProblem } from './problem';
import { toDomainError } from './to-domain-error';

/**
 * The one place errors leave a service. Over HTTP: RFC 9457 problem+json with a stable `type`.
 * Over the broker: the SerializedError the transport replies with. Unexpected errors are
 * logged with an error id (returned to HTTP clients) and never leak their message.
 */
@Catch()
export class GlimmerExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): Observable<SerializedError> | void {
    const error = toDomainError(exception);
    let errorId: string | undefined;
    if (error.status >= 500 && error.code === 'internal') {
      errorId = randomUUID();
      this.logger.error(
        { errorId, err: exception },
        (exception as Error)?.message ?? 'unexpected error',
      );
    }
    if (host.getType() === 'rpc') return throwError(() => error.serialize());
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    if (res.headersSent) return;
    const retryAfter = error.extra.meta?.retryAfterSeconds;
    if (error.status === 429 && typeof retryAfter === 'number') {
      res.setHeader('Retry-After', String(retryAfter));
    }
    res
      .status(error.status)
      .type('application/problem+json')
      .json(toProblem(error.serialize(), req.originalUrl?.split('?')[0], errorId));
  }
}
