import { Module } from '@nestjs/common';
import { IdempotencyRecordRepository } from './idempotency-record.repository';
import { IdempotentCreate } from './idempotency-records';

/** Keyed creates (offers, invites) over the shared idempotent-command recipe. */
@Module({
  providers: [IdempotencyRecordRepository, IdempotentCreate],
  exports: [IdempotentCreate],
})
export class IdempotencyModule {}
