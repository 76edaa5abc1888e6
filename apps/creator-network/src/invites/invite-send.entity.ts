import { Entity, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Invite } from './invite.entity';

/** One invite email a brand made Glimmer send (a new invite or a resend), for the daily cap. */
@Entity({ tableName: 'invite_send' })
@Index({ name: 'invite_send_brand_idx', properties: ['brandId', 'sentAt'] })
export class InviteSend {
  @PrimaryKey({ type: 'bigint', autoincrement: true, generated: 'identity' })
  id?: string;

  @Property({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @ManyToOne({
    entity: () => Invite,
    fieldName: 'invite_id',
    mapToPk: true,
    foreignKeyName: 'invite_send_invite_id_fkey',
    type: 'uuid',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  inviteId!: string;

  @Property({ type: 'timestamptz', fieldName: 'sent_at', defaultRaw: 'now()' })
  sentAt!: Opt<Date>;
}
