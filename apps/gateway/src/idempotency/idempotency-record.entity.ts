import { Check, Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';

export type IdempotencyStatus = 'in_progress' | 'completed';

/**
 * A request's Idempotency-Key claim and, once answered, its response (table
 * `idempotency_record`). The entity describes the table; IdempotencyService writes it with SQL
 * on purpose (see there), IdempotencyPruner deletes it in batches.
 */
@Entity({ tableName: 'idempotency_record' })
@Check({
  name: 'idempotency_record_completed',
  expression: "status = 'in_progress' or response_status is not null",
})
export class IdempotencyRecord {
  @PrimaryKey({ type: 'text' })
  scope!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text', fieldName: 'request_hash' })
  requestHash!: string;

  @Enum({ items: ['in_progress', 'completed'], type: 'text' })
  status!: IdempotencyStatus;

  @Property({ type: 'integer', fieldName: 'response_status', nullable: true })
  responseStatus: number | null = null;

  /** json, not jsonb: it keeps the text as sent, so a replay is byte for byte the first response. */
  @Property({ type: 'json', columnType: 'json', fieldName: 'response_body', nullable: true })
  responseBody: unknown = null;

  @Property({ type: 'timestamptz', fieldName: 'locked_until' })
  lockedUntil!: Date;

  @Index({ name: 'idempotency_record_created_idx' })
  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;
}
