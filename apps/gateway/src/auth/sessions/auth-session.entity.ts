import { Check, Entity, Index, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { UserAccount } from '../../accounts/user-account.entity';

/** Why a session ended (auth_session.revoked_reason). */
export type RevokedReason =
  'logout' | 'password_changed' | 'ops' | 'refresh_token_reused' | 'account_gone';

/**
 * A login's session (table `auth_session`): access tokens name it, and are refused once it is
 * revoked or past its life.
 */
@Entity({ tableName: 'auth_session' })
@Check({
  name: 'auth_session_revoked',
  expression: '(revoked_at is null) = (revoked_reason is null)',
})
@Index({
  name: 'auth_session_user_active_idx',
  expression:
    'create index "auth_session_user_active_idx" on "auth_session" ("user_id") where revoked_at is null',
})
@Index({
  name: 'auth_session_ended_idx',
  expression:
    'create index "auth_session_ended_idx" on "auth_session" ((least(expires_at, revoked_at)))',
})
export class AuthSession {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne({
    entity: () => UserAccount,
    fieldName: 'user_id',
    mapToPk: true,
    type: 'uuid',
    foreignKeyName: 'auth_session_user_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
  })
  userId!: string;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Property({ type: 'timestamptz', fieldName: 'expires_at' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', fieldName: 'refreshed_at', nullable: true })
  refreshedAt: Date | null = null;

  @Property({ type: 'timestamptz', fieldName: 'revoked_at', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'text', fieldName: 'revoked_reason', nullable: true })
  revokedReason: RevokedReason | null = null;
}
