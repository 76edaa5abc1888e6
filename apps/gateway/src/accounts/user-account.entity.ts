import {
  Check,
  Entity,
  Enum,
  Formula,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
} from '@mikro-orm/core';
import { ROLES, type Role } from '@glimmer/contracts/actor';
import type { Currency } from '@glimmer/money/money';
import { Brand } from './brand.entity';

/**
 * Who may sign in (table `user_account`): a brand member (with its brand), a creator (with the
 * creator-network's creator id) or ops. Emails are unique case-insensitively
 * (`user_account_email_key` on `lower(email)`) and stored as typed (trimmed).
 */
@Entity({ tableName: 'user_account' })
@Index({
  name: 'user_account_email_key',
  expression: 'create unique index "user_account_email_key" on "user_account" (lower(email))',
})
@Check({
  name: 'user_account_brand_member',
  expression: "(role = 'brand') = (brand_id is not null)",
})
@Check({ name: 'user_account_creator', expression: "role <> 'creator' or creator_id is not null" })
export class UserAccount {
  /** Read-only formulas; the database fills the defaults. */
  [OptionalProps]?: 'createdAt' | 'currency';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', fieldName: 'password_hash' })
  passwordHash!: string;

  @Enum({ items: () => [...ROLES], type: 'text' })
  role!: Role;

  @ManyToOne({
    entity: () => Brand,
    fieldName: 'brand_id',
    mapToPk: true,
    type: 'uuid',
    nullable: true,
    index: 'user_account_brand_idx',
    foreignKeyName: 'user_account_brand_id_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
  })
  brandId: string | null = null;

  @Property({ type: 'uuid', fieldName: 'creator_id', nullable: true })
  creatorId: string | null = null;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', fieldName: 'email_verified_at', nullable: true })
  emailVerifiedAt: Date | null = null;

  /** The brand's currency for brand members (read in the same query; login's claims need it). */
  @Formula((alias) => `(select b.currency from brand b where b.id = ${alias}.brand_id)`, {
    type: 'text',
  })
  currency!: Currency | null;

  /** The brand's name, for the verification email: loaded only when asked for. */
  @Formula((alias) => `(select b.name from brand b where b.id = ${alias}.brand_id)`, {
    type: 'text',
    lazy: true,
  })
  brandName?: string | null;
}
