import { Module } from '@nestjs/common';
import { CreatorJoinedHandler } from './creator-joined.handler';
import { CreatorRepository } from './creator.repository';
import { RecordJoinedCreator } from './record-joined-creator.use-case';

/** The creators projection (from network.creator.joined): whom payouts are addressed to. */
@Module({
  controllers: [CreatorJoinedHandler],
  providers: [CreatorRepository, RecordJoinedCreator],
  exports: [CreatorRepository],
})
export class CreatorsModule {}
