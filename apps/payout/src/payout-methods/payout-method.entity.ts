import {
  Check,
  Entity,
  Enum,
  Index,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import {
  PAYOUT_METHOD_TYPES,
  type PayoutMethodType,
} from '@glimmer/contracts/payout/payout-method.messages';
import type { Sealed } from './secret-box';

const NAMES: Record<PayoutMethodType, string> = {
  payoneer: 'Payoneer',
  local_bank_transfer: 'Local bank transfer',
  paypal: 'PayPal',
};

/**
 * One of a creator's payout methods. Plain fields in `details`; secret ones sealed (AES-256-GCM)
 * in `secretCiphertext` with the id of the key that sealed them, and shown only through `masked`.
 * At most one preferred method per creator (a partial unique index; the use cases keep at
 * least one).
 */
@Entity({ tableName: 'payout_method' })
@Unique({
  name: 'payout_method_creator_idempotency_key',
  properties: ['creatorId', 'idempotencyKey'],
})
@Index({ name: 'payout_method_creator_idx', properties: ['creatorId', 'createdAt'] })
@Index({
  name: 'payout_method_one_preferred',
  expression:
    'create unique index payout_method_one_preferred on payout_method (creator_id) where preferred',
})
@Check({
  name: 'payout_method_check',
  expression: '(secret_ciphertext is null) = (secret_key_id is null)',
})
export class PayoutMethod {
  [OptionalProps]?: 'name' | 'sealed' | 'preferred' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  creatorId!: string;

  @Enum({ items: () => [...PAYOUT_METHOD_TYPES], type: 'text' })
  type!: PayoutMethodType;

  @Property({ type: 'text' })
  @Check({ name: 'payout_method_country_check', expression: `country ~ '^[A-Z]{2}$'` })
  country!: string;

  /** Plain (non-secret) fields. */
  @Property({ type: 'jsonb' })
  details!: Record<string, string>;

  /** Secret fields as shown: masked. */
  @Property({ type: 'jsonb' })
  masked!: Record<string, string>;

  @Property({ type: 'text', nullable: true })
  secretKeyId: string | null = null;

  @Property({ type: 'text', nullable: true })
  secretCiphertext: string | null = null;

  @Property({ type: 'boolean', default: false })
  preferred: boolean = false;

  @Property({ type: 'text', nullable: true })
  idempotencyKey: string | null = null;

  /** Keyed (HMAC) hash of the add request; null for methods added before the keyed hashes. */
  @Property({ type: 'text', nullable: true })
  requestHash: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get name(): string {
    return NAMES[this.type];
  }

  get sealed(): Sealed | null {
    return this.secretKeyId && this.secretCiphertext
      ? { keyId: this.secretKeyId, ciphertext: this.secretCiphertext }
      : null;
  }
}
