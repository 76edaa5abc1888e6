import { OUTBOX_INBOX_TABLES } from '@glimmer/messaging/outbox/outbox.sql';
import { Brand } from './brands/brand.entity';
import { IdempotencyRecord } from './common/idempotency-record.entity';
import { CreatorProfile } from './creators/creator-profile.entity';
import { Creator } from './creators/creator.entity';
import { NetworkMembership } from './creators/network-membership.entity';
import { WorkSample } from './creators/work-sample.entity';
import { InviteSend } from './invites/invite-send.entity';
import { Invite } from './invites/invite.entity';
import { Contract } from './offers/contract.entity';
import { Offer } from './offers/offer.entity';
import { Project } from './projects/project.entity';

/** Entities MikroORM discovers for the creator network schema. */
export const NETWORK_ENTITIES: Function[] = [
  Brand,
  Creator,
  CreatorProfile,
  WorkSample,
  NetworkMembership,
  Invite,
  InviteSend,
  Offer,
  Contract,
  Project,
  IdempotencyRecord,
];

/** Tables of this schema written with SQL on purpose: no entity, left out of the schema diff. */
export const NETWORK_SQL_TABLES: readonly string[] = [...OUTBOX_INBOX_TABLES];
