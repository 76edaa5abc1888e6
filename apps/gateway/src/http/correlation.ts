import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import {
  CORRELATION_HEADER,
  sanitizeCorrelationId,
  withCorrelation,
} from '@glimmer/observability/correlation';

/**
 * Settles the request's correlation id before anything else runs: a well-formed one sent by the
 * client, or a new one. pino-http takes it as the request id; the response carries it back.
 */
export function assignCorrelationId(req: Request, res: Response, next: NextFunction): void {
  const id = sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ?? randomUUID();
  req.headers[CORRELATION_HEADER] = id;
  res.setHeader(CORRELATION_HEADER, id);
  next();
}

/**
 * Runs the rest of the request inside the correlation context, so logs and RPCs carry the id.
 * Registered after body parsing: stream callbacks would otherwise leave the context.
 */
export function runInCorrelation(req: Request, _res: Response, next: NextFunction): void {
  withCorrelation(req.headers[CORRELATION_HEADER] as string, next);
}
