import { Module } from '@nestjs/common';
import { CreatorRepository } from './creator.repository';
import { CreatorsHandler } from './creators.handler';
import { CreatorsService } from './creators.service';
import { LocalDiskPhotoStorage, PhotoStorage } from './photo-storage';

/** Creators, their profiles and work samples, and brand networks. */
@Module({
  controllers: [CreatorsHandler],
  providers: [
    CreatorRepository,
    CreatorsService,
    { provide: PhotoStorage, useClass: LocalDiskPhotoStorage },
  ],
  exports: [CreatorRepository],
})
export class CreatorsModule {}
