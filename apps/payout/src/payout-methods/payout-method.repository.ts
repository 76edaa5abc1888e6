import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  PayoutMethodType,
  PayoutMethodView,
} from '@glimmer/contracts/payout/payout-method.messages';
import type { Sealed } from './secret-box';

export interface PayoutMethod {
  id: string;
  creatorId: string;
  type: PayoutMethodType;
  name: string;
  country: string;
  /** Plain (non-secret) fields. */
  details: Record<string, string>;
  /** Secret fields as shown: masked. */
  masked: Record<string, string>;
  sealed: Sealed | null;
  preferred: boolean;
  requestHash: string | null;
  createdAt: Date;
}

interface PayoutMethodRow {
  id: string;
  creator_id: string;
  type: PayoutMethodType;
  country: string;
  details: Record<string, string>;
  masked: Record<string, string>;
  secret_key_id: string | null;
  secret_ciphertext: string | null;
  preferred: boolean;
  request_hash: string | null;
  created_at: Date | string;
}

const COLUMNS = `id, creator_id, type, country, details, masked, secret_key_id, secret_ciphertext,
  preferred, request_hash, created_at`;

const NAMES: Record<PayoutMethodType, string> = {
  payoneer: 'Payoneer',
  local_bank_transfer: 'Local bank transfer',
  paypal: 'PayPal',
};

function fromRow(row: PayoutMethodRow): PayoutMethod {
  return {
    id: row.id,
    creatorId: row.creator_id,
    type: row.type,
    name: NAMES[row.type],
    country: row.country,
    details: row.details,
    masked: row.masked,
    sealed:
      row.secret_key_id && row.secret_ciphertext
        ? { keyId: row.secret_key_id, ciphertext: row.secret_ciphertext }
        : null,
    preferred: row.preferred,
    requestHash: row.request_hash,
    createdAt: row.created_at instanceof Date ? row.created_at : new Date(row.created_at),
  };
}

/** What a creator sees: every field, secret ones only masked. */
export function toMethodView(m: PayoutMethod): PayoutMethodView {
  return {
    id: m.id,
    type: m.type,
    name: m.name,
    country: m.country,
    details: { ...m.details, ...m.masked },
    preferred: m.preferred,
    createdAt: m.createdAt.toISOString(),
  };
}

export interface NewPayoutMethod {
  id: string;
  creatorId: string;
  type: PayoutMethodType;
  country: string;
  details: Record<string, string>;
  masked: Record<string, string>;
  sealed: Sealed | null;
  preferred: boolean;
  idempotencyKey: string | null;
  requestHash: string;
}

@Injectable()
export class PayoutMethodRepository {
  async insert(em: EntityManager, m: NewPayoutMethod): Promise<void> {
    await em.execute(
      `insert into payout_method (id, creator_id, type, country, details, masked, secret_key_id,
         secret_ciphertext, preferred, idempotency_key, request_hash)
       values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)`,
      [
        m.id,
        m.creatorId,
        m.type,
        m.country,
        JSON.stringify(m.details),
        JSON.stringify(m.masked),
        m.sealed?.keyId ?? null,
        m.sealed?.ciphertext ?? null,
        m.preferred,
        m.idempotencyKey,
        m.requestHash,
      ],
    );
  }

  /** Serialises a creator's method changes (add, set preferred) until the transaction ends. */
  async lockCreator(em: EntityManager, creatorId: string): Promise<void> {
    await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [
      `payout:methods:${creatorId}`,
    ]);
  }

  async get(em: EntityManager, creatorId: string, id: string): Promise<PayoutMethod | null> {
    const [row] = await em.execute<PayoutMethodRow[]>(
      `select ${COLUMNS} from payout_method where id = ? and creator_id = ?`,
      [id, creatorId],
    );
    return row ? fromRow(row) : null;
  }

  async byIdempotencyKey(
    em: EntityManager,
    creatorId: string,
    key: string,
  ): Promise<PayoutMethod | null> {
    const [row] = await em.execute<PayoutMethodRow[]>(
      `select ${COLUMNS} from payout_method where creator_id = ? and idempotency_key = ?`,
      [creatorId, key],
    );
    return row ? fromRow(row) : null;
  }

  async list(em: EntityManager, creatorId: string): Promise<PayoutMethod[]> {
    const rows = await em.execute<PayoutMethodRow[]>(
      `select ${COLUMNS} from payout_method where creator_id = ? order by created_at, id`,
      [creatorId],
    );
    return rows.map(fromRow);
  }

  async preferred(em: EntityManager, creatorId: string): Promise<PayoutMethod | null> {
    const [row] = await em.execute<PayoutMethodRow[]>(
      `select ${COLUMNS} from payout_method where creator_id = ? and preferred`,
      [creatorId],
    );
    return row ? fromRow(row) : null;
  }

  async hasAny(em: EntityManager, creatorId: string): Promise<boolean> {
    const rows: unknown[] = await em.execute(
      `select 1 from payout_method where creator_id = ? limit 1`,
      [creatorId],
    );
    return rows.length > 0;
  }

  /**
   * Makes `id` the creator's one preferred method. Two statements, in this order: the partial
   * unique index is checked row by row, so clearing the old flag must come first.
   */
  async setPreferred(em: EntityManager, creatorId: string, id: string): Promise<void> {
    await em.execute(
      `update payout_method set preferred = false where creator_id = ? and preferred and id <> ?`,
      [creatorId, id],
    );
    await em.execute(`update payout_method set preferred = true where creator_id = ? and id = ?`, [
      creatorId,
      id,
    ]);
  }
}
