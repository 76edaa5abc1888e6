import { Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@glimmer/contracts/actor';
import type { Currency } from '@glimmer/money/money';

/** A user account as login needs it, with its brand's currency for brand members. */
export interface UserAccount {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
  brandId: string | null;
  creatorId: string | null;
  currency: Currency | null;
  name: string;
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
  brand_id: string | null;
  creator_id: string | null;
  currency: Currency | null;
  name: string;
}

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

  async findByEmail(email: string): Promise<UserAccount | null> {
    const [row] = await this.orm.em.fork().execute<UserRow[]>(
      `select u.id, u.email, u.password_hash, u.role, u.brand_id, u.creator_id, u.name, b.currency
         from user_account u left join brand b on b.id = u.brand_id
        where lower(u.email) = lower(?)`,
      [email.trim()],
    );
    return row
      ? {
          id: row.id,
          email: row.email,
          passwordHash: row.password_hash,
          role: row.role,
          brandId: row.brand_id,
          creatorId: row.creator_id,
          currency: row.currency,
          name: row.name,
        }
      : null;
  }

  /** Inside the caller's transaction; a taken email surfaces as a unique violation. */
  async insert(em: EntityManager, user: NewUserAccount): Promise<void> {
    await em.execute(
      `insert into user_account (id, email, password_hash, role, brand_id, creator_id, name)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [
        user.id,
        user.email.trim(),
        user.passwordHash,
        user.role,
        user.brandId ?? null,
        user.creatorId ?? null,
        user.name,
      ],
    );
  }

  /**
   * Creates the ops account or resets its password and name. Returns false when the email
   * belongs to a non-ops account, which is then left untouched.
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
  async findById(id: string): Promise<UserAccount | null> {
    const [row] = await this.orm.em.fork().execute<UserRow[]>(
      `select u.id, u.email, u.password_hash, u.role, u.brand_id, u.creator_id, u.name, b.currency
         from user_account u left join brand b on b.id = u.brand_id
        where u.id = ?`,
      [id],
    );
    return row ? accountOf(row) : null;
  }

  /** Inside the caller's transaction (the password change also revokes the sessions). */
  async updatePasswordHash(em: EntityManager, id: string, passwordHash: string): Promise<void> {
    await em.execute(`update user_account set password_hash = ? where id = ?`, [passwordHash, id]);
  }
}

function accountOf(row: UserRow): UserAccount {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role,
    brandId: row.brand_id,
    creatorId: row.creator_id,
    currency: row.currency,
    name: row.name,
  };
}
