import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, from, mergeMap, Observable, of, switchMap, throwError } from 'rxjs';
import { IDEMPOTENCY_KEY_PATTERN } from '@glimmer/contracts/validation';
import { DomainError } from '@glimmer/errors/domain-error';
import { toProblem } from '@glimmer/errors/problem';
import { toDomainError } from '@glimmer/errors/to-domain-error';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT,
  IdempotentOptions,
  IdempotentRequest,
} from './idempotent.decorator';
import { idempotencyScope } from './idempotency-scope';
import { IdempotencyService } from './idempotency.service';

export const REPLAYED_HEADER = 'Idempotent-Replayed';

type Req = AuthenticatedRequest & IdempotentRequest;

/**
 * Makes an `@Idempotent()` route safe to retry. It runs after the guards (the scope is the
 * authenticated tenant) and before validation. Success and client errors are stored and
 * replayed byte for byte; a 5xx, or input that failed validation (nothing ran), releases the
 * key so the client may retry it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly records: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<IdempotentOptions | undefined>(
      IDEMPOTENT,
      context.getHandler(),
    );
    if (!options || context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Req>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = this.readKey(req, options);
    if (!key) return next.handle();
    req.idempotencyKey = key;
    const scope = idempotencyScope(req.actor);
    const path = req.originalUrl.split('?')[0];
    const hash = this.records.hash(req.method, path, req.body);
    return from(this.records.claim(scope, key, hash)).pipe(
      switchMap((claim) => {
        if (claim.kind === 'replay') {
          res.status(claim.status).setHeader(REPLAYED_HEADER, 'true');
          if (claim.status >= 400) res.type('application/problem+json');
          return of(claim.body);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            // Stored as the client receives it: JSON, without undefined members.
            const json = JSON.stringify(body ?? null);
            await this.records
              .complete(scope, key, res.statusCode, json)
              .catch((err: Error) =>
                this.logger.warn(`could not store the response for a key: ${err.message}`),
              );
            return body;
          }),
          catchError((err: unknown) =>
            from(this.settleFailure(scope, key, path, err)).pipe(
              mergeMap(() => throwError(() => err)),
            ),
          ),
        );
      }),
    );
  }

  private readKey(req: Req, options: IdempotentOptions): string | undefined {
    const raw = req.headers[IDEMPOTENCY_KEY_HEADER];
    if (raw === undefined) {
      if (options.required) throw new DomainError('idempotency_key_required');
      return undefined;
    }
    if (typeof raw !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(raw)) {
      throw new DomainError(
        'validation_failed',
        'Idempotency-Key must be 1-255 printable ASCII characters',
        {
          errors: [
            { field: 'Idempotency-Key', messages: ['must be 1-255 printable ASCII characters'] },
          ],
        },
      );
    }
    return raw;
  }

  private async settleFailure(
    scope: string,
    key: string,
    path: string,
    err: unknown,
  ): Promise<void> {
    const error = toDomainError(err);
    try {
      if (error.status >= 500 || error.code === 'validation_failed')
        await this.records.release(scope, key);
      // The same problem document the exception filter renders for this error.
      else
        await this.records.complete(
          scope,
          key,
          error.status,
          JSON.stringify(toProblem(error.serialize(), path)),
        );
    } catch (storeErr) {
      this.logger.warn(`could not settle an idempotency key: ${(storeErr as Error).message}`);
    }
  }
}
