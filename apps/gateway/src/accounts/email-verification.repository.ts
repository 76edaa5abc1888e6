import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toIso } from '@glimmer/database/sql';

/** A brand member as the verification email needs them, with their brand's name. */
export interface VerifiableMember {
  id: string;
  email: string;
  name: string;
  brandName: string;
  verifiedAt: string | null;
}

/** The state of a link, from the row its token hashes to. */
export type TokenState =
  { state: 'unknown' } | { state: 'used' | 'expired' | 'valid'; userId: string };

/** Email verification links (hashes only) and each account's `email_verified_at`. */
@Injectable()
export class EmailVerificationRepository {
  /** The member; with `lock`, locked until the transaction ends (resends of one account queue). */
  async member(
    em: EntityManager,
    userId: string,
    { lock = false } = {},
  ): Promise<VerifiableMember | null> {
    const [row] = await em.execute<
      {
        id: string;
        email: string;
        name: string;
        brand_name: string;
        email_verified_at: Date | null;
      }[]
    >(
      `select u.id, u.email, u.name, b.name as brand_name, u.email_verified_at
         from user_account u join brand b on b.id = u.brand_id
        where u.id = ? and u.role = 'brand'${lock ? ' for update of u' : ''}`,
      [userId],
    );
    return row
      ? {
          id: row.id,
          email: row.email,
          name: row.name,
          brandName: row.brand_name,
          verifiedAt: toIso(row.email_verified_at),
        }
      : null;
  }

  /** When the account verified its email (null: not yet; undefined: no such account). */
  async verifiedAt(em: EntityManager, userId: string): Promise<string | null | undefined> {
    const [row] = await em.execute<{ email_verified_at: string | Date | null }[]>(
      `select email_verified_at from user_account where id = ?`,
      [userId],
    );
    return row ? toIso(row.email_verified_at) : undefined;
  }

  /** Links sent to the member since `since` (sign-up's included), and when the oldest was. */
  async sentSince(
    em: EntityManager,
    userId: string,
    since: Date,
  ): Promise<{ count: number; oldest: string | null }> {
    const [row] = await em.execute<{ n: string; oldest: string | Date | null }[]>(
      `select count(*) as n, min(created_at) as oldest from email_verification
        where user_id = ? and created_at > ?`,
      [userId, since],
    );
    return { count: Number(row.n), oldest: toIso(row.oldest) };
  }

  /** A new link; the member's earlier unused links stop working (only the newest email counts). */
  async issue(
    em: EntityManager,
    userId: string,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<void> {
    await em.execute(
      `update email_verification set expires_at = least(expires_at, now())
        where user_id = ? and used_at is null`,
      [userId],
    );
    await em.execute(
      `insert into email_verification (token_hash, user_id, expires_at) values (?, ?, ?)`,
      [tokenHash, userId, expiresAt],
    );
  }

  /** Locks the link's row and says what it is. */
  async lockToken(em: EntityManager, tokenHash: string): Promise<TokenState> {
    const [row] = await em.execute<{ user_id: string; used_at: Date | null; expired: boolean }[]>(
      `select user_id, used_at, expires_at <= now() as expired
         from email_verification where token_hash = ? for update`,
      [tokenHash],
    );
    if (!row) return { state: 'unknown' };
    if (row.used_at) return { state: 'used', userId: row.user_id };
    return { state: row.expired ? 'expired' : 'valid', userId: row.user_id };
  }

  /** Uses the link and marks its member verified (keeping the first verification time). */
  async consume(em: EntityManager, tokenHash: string, userId: string): Promise<void> {
    await em.execute(`update email_verification set used_at = now() where token_hash = ?`, [
      tokenHash,
    ]);
    await em.execute(
      `update user_account set email_verified_at = coalesce(email_verified_at, now()) where id = ?`,
      [userId],
    );
  }
}
