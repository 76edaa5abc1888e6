import { Entity, Formula, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { UserAccount } from './user-account.entity';

/**
 * A verification link sent to a brand member (table `email_verification`): only its token's
 * SHA-256 is kept, with its expiry and when it was used.
 */
@Entity({ tableName: 'email_verification' })
@Index({ name: 'email_verification_user_idx', properties: ['userId', 'createdAt'] })
export class EmailVerification {
  @PrimaryKey({ type: 'text', fieldName: 'token_hash' })
  tokenHash!: string;

  @ManyToOne({
    entity: () => UserAccount,
    fieldName: 'user_id',
    mapToPk: true,
    type: 'uuid',
    foreignKeyName: 'email_verification_user_id_fkey',
    updateRule: 'no action',
    deleteRule: 'no action',
  })
  userId!: string;

  @Index({ name: 'email_verification_expires_idx' })
  @Property({ type: 'timestamptz', fieldName: 'expires_at' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', fieldName: 'used_at', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  /** Past its expiry by the database's clock (the one `issue` shortens expiries with). */
  @Formula((alias) => `${alias}.expires_at <= now()`, { type: 'boolean', lazy: true })
  expired?: Opt<boolean>;
}
