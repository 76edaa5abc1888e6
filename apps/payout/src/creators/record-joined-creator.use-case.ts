import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CreatorJoined } from '@glimmer/contracts/network/network.events';
import { CreatorRepository } from './creator.repository';

/** Keeps each creator's name and email, so payout notices need no lookup in another service. */
@Injectable()
export class RecordJoinedCreator {
  constructor(private readonly creators: CreatorRepository) {}

  /** `em` is the consumer's transaction (InboxService.runOnce). */
  execute(em: EntityManager, joined: CreatorJoined): Promise<void> {
    return this.creators.upsert(em, {
      id: joined.creatorId,
      name: joined.creatorName,
      email: joined.creatorEmail,
    });
  }
}
