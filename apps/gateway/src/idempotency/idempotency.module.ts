import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyPruner } from './idempotency-pruner';
import { IdempotencyService } from './idempotency.service';

/** Registers the interceptor globally; it acts only on `@Idempotent()` routes. */
@Module({
  providers: [
    IdempotencyService,
    IdempotencyPruner,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class IdempotencyModule {}
