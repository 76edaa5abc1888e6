import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { FileStorage } from '@glimmer/storage/file-storage';
import { StorageModule } from '@glimmer/storage/storage.module';
import { AccountsModule } from '../accounts/accounts.module';
import { PayoutsApiModule } from '../payouts/payouts-api.module';
import { FilesController } from './files.controller';
import { InviteAcceptanceService } from './invite-acceptance.service';
import { InvitesController } from './invites.controller';
import { NetworkController } from './network.controller';
import { OffersController } from './offers.controller';
import { ProjectsController } from './projects.controller';
import { StorageUploadEngine } from './upload-storage.engine';
import { UploadedFiles } from './uploaded-files';

/** Creator-network routes: invites, network, profiles, files, offers and projects (RPC to creator-network). */
@Module({
  imports: [
    AccountsModule,
    PayoutsApiModule,
    StorageModule,
    // Uploads stream into the file storage (never into memory, never over the broker).
    MulterModule.registerAsync({
      imports: [StorageModule],
      inject: [FileStorage],
      useFactory: (storage: FileStorage) => ({ storage: new StorageUploadEngine(storage) }),
    }),
  ],
  controllers: [
    InvitesController,
    NetworkController,
    OffersController,
    ProjectsController,
    FilesController,
  ],
  providers: [InviteAcceptanceService, UploadedFiles],
})
export class NetworkApiModule {}
