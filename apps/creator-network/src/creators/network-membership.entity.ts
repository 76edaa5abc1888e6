import {
  Entity,
  Formula,
  Index,
  ManyToOne,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Opt,
} from '@mikro-orm/core';
import { positionSql } from '@glimmer/database/page-cursor';
import { Invite } from '../invites/invite.entity';
import { Creator } from './creator.entity';

/** A creator in a brand's network, by the invite they accepted. */
@Entity({ tableName: 'network_membership' })
@Index({
  name: 'network_membership_keyset_idx',
  properties: ['brandId', 'joinedAt', 'creatorId'],
})
export class NetworkMembership {
  [PrimaryKeyProp]?: ['brandId', 'creatorId'];

  @PrimaryKey({ type: 'uuid', fieldName: 'brand_id' })
  brandId!: string;

  @ManyToOne({
    entity: () => Creator,
    fieldName: 'creator_id',
    primary: true,
    mapToPk: true,
    foreignKeyName: 'network_membership_creator_id_fkey',
    type: 'uuid',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  creatorId!: string;

  @ManyToOne({
    entity: () => Invite,
    fieldName: 'invite_id',
    mapToPk: true,
    foreignKeyName: 'network_membership_invite_id_fkey',
    type: 'uuid',
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  inviteId!: string;

  @Property({ type: 'timestamptz', fieldName: 'joined_at', defaultRaw: 'now()' })
  joinedAt!: Opt<Date>;

  /** `joined_at` at microsecond precision, for keyset cursors (a Date keeps milliseconds). */
  @Formula((alias) => positionSql(`${alias}.joined_at`), { type: 'text' })
  positionAt!: Opt<string>;
}
