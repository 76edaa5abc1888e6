import { Injectable } from '@nestjs/common';
import { raw } from '@mikro-orm/core';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@glimmer/contracts/actor';
import { UserAccount } from './user-account.entity';

export interface NewUserAccount {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
  brandId?: string;
  creatorId?: string;
  name: string;
}

/** Emails are compared case-insensitively and stored as typed (trimmed). */
@Injectable()
export class UserAccountRepository {
  constructor(private readonly orm: MikroORM) {}

  /** By `lower(email)`, so user_account_email_key serves it (and PostgreSQL lowercases both). */
  findByEmail(email: string): Promise<UserAccount | null> {
    return this.orm.em.fork().findOne(UserAccount, {
      [raw((alias) => `lower(${alias}.email)`)]: raw('lower(?)', [email.trim()]),
    });
  }

  /** Inside the caller's transaction; a taken email surfaces as a unique violation. */
  async insert(em: EntityManager, user: NewUserAccount): Promise<void> {
    await em.insert(UserAccount, {
      id: user.id,
      email: user.email.trim(),
      passwordHash: user.passwordHash,
      role: user.role,
      brandId: user.brandId ?? null,
      creatorId: user.creatorId ?? null,
      name: user.name,
    });
  }

  /**
   * Creates the ops account or resets its password and name. Returns false when the email
   * belongs to a non-ops account, which is then left untouched.
   *
   * SQL on purpose: one atomic upsert whose conflict target is the expression index
   * user_account_email_key and whose update is conditional on the existing row being ops —
   * neither expressible through the entity API, and a read-then-write would race a sign-up.
   */
  async upsertOps(user: Omit<NewUserAccount, 'role'>): Promise<boolean> {
    const rows = await this.orm.em.fork().execute<{ id: string }[]>(
      `insert into user_account (id, email, password_hash, role, name) values (?, ?, ?, 'ops', ?)
       on conflict ((lower(email))) do update
         set password_hash = excluded.password_hash, name = excluded.name
         where user_account.role = 'ops'
       returning id`,
      [user.id, user.email.trim(), user.passwordHash, user.name],
    );
    return rows.length > 0;
  }

  /** The account a session or access token names (refresh, re-authentication). */
  findById(id: string): Promise<UserAccount | null> {
    return this.orm.em.fork().findOne(UserAccount, { id });
  }

  /** Inside the caller's transaction (the password change also revokes the sessions). */
  async updatePasswordHash(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await em.nativeUpdate(UserAccount, { id }, { passwordHash });
  }
}
