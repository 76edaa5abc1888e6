import { Module } from '@nestjs/common';
import { StorageModule } from '@glimmer/storage/storage.module';
import { OrphanFileSweeper } from '../files/orphan-file-sweeper';
import { CreatorFilesRepository } from './creator-files.repository';
import { CreatorFilesService } from './creator-files.service';
import { CreatorRepository } from './creator.repository';
import { CreatorsHandler } from './creators.handler';
import { CreatorsService } from './creators.service';

/** Creators, their profiles, photos and work samples (links or files), and brand networks. */
@Module({
  imports: [StorageModule],
  controllers: [CreatorsHandler],
  providers: [
    CreatorRepository,
    CreatorFilesRepository,
    CreatorsService,
    CreatorFilesService,
    OrphanFileSweeper,
  ],
  exports: [CreatorRepository],
})
export class CreatorsModule {}
