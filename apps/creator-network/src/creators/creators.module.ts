import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { CreatorFilesService } from './creator-files.service';
import { CreatorRepository } from './creator.repository';
import { CreatorsHandler } from './creators.handler';
import { CreatorsService } from './creators.service';

/** Creators, their profiles, photos and work samples (links or files), and brand networks. */
@Module({
  imports: [FilesModule],
  controllers: [CreatorsHandler],
  providers: [CreatorRepository, CreatorsService, CreatorFilesService],
  exports: [CreatorRepository],
})
export class CreatorsModule {}
