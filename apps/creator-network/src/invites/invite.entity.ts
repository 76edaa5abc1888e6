import {
  Check,
  Entity,
  Enum,
  Formula,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
  type Opt,
} from '@mikro-orm/core';
import { positionSql } from '@glimmer/database/page-cursor';
import { Creator } from '../creators/creator.entity';

export type InviteStatus = 'sent' | 'accepted' | 'revoked';

/**
 * An invite by email. The token is never stored, only its SHA-256 (see invite-token.ts); a
 * resend replaces it and restarts the expiry.
 */
@Entity({ tableName: 'invite' })
@Unique({ name: 'invite_token_hash_key', properties: ['tokenHash'] })
@Index({ name: 'invite_brand_keyset_idx', properties: ['brandId', 'createdAt', 'id'] })
@Check({
  name: 'invite_accepted',
  expression: `(status = 'accepted') = (accepted_creator_id is not null)`,
})
export class Invite {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Property({ type: 'text', fieldName: 'token_hash' })
  tokenHash!: string;

  @Enum({ items: ['sent', 'accepted', 'revoked'], type: 'text' })
  status!: InviteStatus;

  @Property({ type: 'timestamptz', fieldName: 'expires_at' })
  expiresAt!: Date;

  @Property({ type: 'uuid', fieldName: 'invited_by' })
  invitedBy!: string;

  @Property({ type: 'text', fieldName: 'inviter_email', nullable: true })
  inviterEmail: string | null = null;

  @Property({ type: 'timestamptz', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt!: Opt<Date>;

  @Property({ type: 'timestamptz', fieldName: 'sent_at', defaultRaw: 'now()' })
  sentAt!: Opt<Date>;

  @Property({ type: 'timestamptz', fieldName: 'accepted_at', nullable: true })
  acceptedAt: Date | null = null;

  @ManyToOne({
    entity: () => Creator,
    fieldName: 'accepted_creator_id',
    mapToPk: true,
    foreignKeyName: 'invite_accepted_creator_id_fkey',
    type: 'uuid',
    nullable: true,
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  acceptedCreatorId: string | null = null;

  @Property({ type: 'timestamptz', fieldName: 'revoked_at', nullable: true })
  revokedAt: Date | null = null;

  /** `created_at` at microsecond precision, for keyset cursors (a Date keeps milliseconds). */
  @Formula((alias) => positionSql(`${alias}.created_at`), { type: 'text' })
  positionAt!: Opt<string>;
}
