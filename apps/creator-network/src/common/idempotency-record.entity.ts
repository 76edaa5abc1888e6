import {
  Entity,
  Enum,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
  type Opt,
} from '@mikro-orm/core';

export type IdempotentScope = 'offer' | 'invite';

/**
 * What an Idempotency-Key made (an offer or an invite) and the request hash it was bound to,
 * written in the create's own transaction (see idempotency-records.ts).
 */
@Entity({ tableName: 'idempotency_record' })
@Unique({ name: 'idempotency_record_key', properties: ['brandId', 'scope', 'idempotencyKey'] })
export class IdempotencyRecord {
  [PrimaryKeyProp]?: ['brandId', 'scope', 'idempotencyKey'];

  @PrimaryKey({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @Enum({ items: ['offer', 'invite'], type: 'text', primary: true })
  scope!: IdempotentScope;

  @PrimaryKey({ type: 'text', fieldName: 'idempotency_key' })
  idempotencyKey!: string;

  @Property({ type: 'text', fieldName: 'request_hash' })
  requestHash!: string;

  @Property({ type: 'uuid', fieldName: 'result_id' })
  resultId!: string;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;
}
