import { Module } from '@nestjs/common';
import { CreatorJoinedEvents } from './creator-joined.events';
import { CreatorRepository } from './creator.repository';
import { RecordJoinedCreator } from './record-joined-creator.use-case';

/** The creators projection (from network.creator.joined): whom payouts are addressed to. */
@Module({
  controllers: [CreatorJoinedEvents],
  providers: [CreatorRepository, RecordJoinedCreator],
  exports: [CreatorRepository],
})
export class CreatorsModule {}
