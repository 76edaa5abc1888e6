import { Module } from '@nestjs/common';
import { StorageModule } from '@glimmer/storage/storage.module';
import { OrphanFileSweeper } from '../files/orphan-file-sweeper';
import { AddSampleFile } from './add-sample-file.use-case';
import { AddSample } from './add-sample.use-case';
import { CreatorFilesRepository } from './creator-files.repository';
import { CreatorQueries } from './creator.queries';
import { CreatorRepository } from './creator.repository';
import { CreatorsRpc } from './creators.rpc';
import { RecordPhoto } from './record-photo.use-case';
import { RemoveSample } from './remove-sample.use-case';
import { StoredFiles } from './stored-files';
import { UpdateProfile } from './update-profile.use-case';

/** Creators, their profiles, photos and work samples (links or files), and brand networks. */
@Module({
  imports: [StorageModule],
  controllers: [CreatorsRpc],
  providers: [
    CreatorRepository,
    CreatorFilesRepository,
    StoredFiles,
    CreatorQueries,
    UpdateProfile,
    AddSample,
    RecordPhoto,
    AddSampleFile,
    RemoveSample,
    OrphanFileSweeper,
  ],
  exports: [CreatorRepository],
})
export class CreatorsModule {}
