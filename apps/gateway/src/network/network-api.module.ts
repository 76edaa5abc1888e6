import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PayoutsApiModule } from '../payouts/payouts-api.module';
import { FilesController } from './files.controller';
import { InviteAcceptanceService } from './invite-acceptance.service';
import { InvitesController } from './invites.controller';
import { NetworkController } from './network.controller';
import { OffersController } from './offers.controller';
import { ProjectsController } from './projects.controller';

/** Creator-network routes: invites, network, profiles, files, offers and projects (RPC to creator-network). */
@Module({
  imports: [AccountsModule, PayoutsApiModule],
  controllers: [
    InvitesController,
    NetworkController,
    OffersController,
    ProjectsController,
    FilesController,
  ],
  providers: [InviteAcceptanceService],
})
export class NetworkApiModule {}
