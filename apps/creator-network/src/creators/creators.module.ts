import { Module } from '@nestjs/common';
import { CreatorRepository } from './creator.repository';
import { CreatorsHandler } from './creators.handler';
import { CreatorsService } from './creators.service';

/** Creators, their profiles and work samples, and brand networks. */
@Module({
  controllers: [CreatorsHandler],
  providers: [CreatorRepository, CreatorsService],
  exports: [CreatorRepository],
})
export class CreatorsModule {}
