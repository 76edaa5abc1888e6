import { Entity, ManyToOne, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { AuthSession } from './auth-session.entity';

/** One refresh token of a session (table `refresh_token`), by its SHA-256; used once. */
@Entity({ tableName: 'refresh_token' })
export class RefreshToken {
  @PrimaryKey({ type: 'text', fieldName: 'token_hash' })
  tokenHash!: string;

  @ManyToOne({
    entity: () => AuthSession,
    fieldName: 'session_id',
    mapToPk: true,
    type: 'uuid',
    foreignKeyName: 'refresh_token_session_id_fkey',
    updateRule: 'no action',
    deleteRule: 'cascade',
    index: 'refresh_token_session_idx',
  })
  sessionId!: string;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Property({ type: 'timestamptz', fieldName: 'rotated_at', nullable: true })
  rotatedAt: Date | null = null;
}
