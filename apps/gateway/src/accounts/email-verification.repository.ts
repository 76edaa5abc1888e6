import { Injectable } from '@nestjs/common';
import { LockMode, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toIso } from '@glimmer/database/sql';
import { EmailVerification } from './email-verification.entity';
import { UserAccount } from './user-account.entity';

/** A brand member as the verification email needs them, with their brand's name. */
export interface VerifiableMember {
  id: string;
  email: string;
  name: string;
  brandName: string;
  verifiedAt: string | null;
}

/** The state of a link, from the record its token hashes to. */
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
    const user = await em.findOne(
      UserAccount,
      { id: userId, role: 'brand' },
      {
        populate: ['brandName'],
        refresh: true,
        ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}),
      },
    );
    return user
      ? {
          id: user.id,
          email: user.email,
          name: user.name,
          brandName: user.brandName!,
          verifiedAt: toIso(user.emailVerifiedAt),
        }
      : null;
  }

  /** When the account verified its email (null: not yet; undefined: no such account). */
  async verifiedAt(em: EntityManager, userId: string): Promise<string | null | undefined> {
    const user = await em.findOne(UserAccount, { id: userId }, { fields: ['emailVerifiedAt'] });
    return user ? toIso(user.emailVerifiedAt) : undefined;
  }

  /**
   * Links sent to the member since `since` (sign-up's included), and when the oldest was. They
   * are few: at most EMAIL_VERIFICATION_SENDS_PER_DAY in any day.
   */
  async sentSince(
    em: EntityManager,
    userId: string,
    since: Date,
  ): Promise<{ count: number; oldest: string | null }> {
    const links = await em.find(
      EmailVerification,
      { userId, createdAt: { $gt: since } },
      { fields: ['createdAt'], orderBy: { createdAt: 'asc' } },
    );
    return { count: links.length, oldest: toIso(links[0]?.createdAt ?? null) };
  }

  /** A new link; the member's earlier unused links stop working (only the newest email counts). */
  async issue(
    em: EntityManager,
    userId: string,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<void> {
    await em.nativeUpdate(
      EmailVerification,
      { userId, usedAt: null },
      { expiresAt: raw('least(expires_at, now())') },
    );
    await em.insert(EmailVerification, { tokenHash, userId, expiresAt });
  }

  /** Locks the link's record and says what it is (expired by the database's clock). */
  async lockToken(em: EntityManager, tokenHash: string): Promise<TokenState> {
    const link = await em.findOne(
      EmailVerification,
      { tokenHash },
      { populate: ['expired'], lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!link) return { state: 'unknown' };
    if (link.usedAt) return { state: 'used', userId: link.userId };
    return { state: link.expired ? 'expired' : 'valid', userId: link.userId };
  }

  /** Uses the link and marks its member verified (keeping the first verification time). */
  async consume(em: EntityManager, tokenHash: string, userId: string): Promise<void> {
    await em.nativeUpdate(EmailVerification, { tokenHash }, { usedAt: raw('now()') });
    await em.nativeUpdate(
      UserAccount,
      { id: userId },
      { emailVerifiedAt: raw('coalesce(email_verified_at, now())') },
    );
  }
}
