import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PayoutsApiModule } from '../payouts/payouts-api.module';
import { InviteAcceptanceService } from './invite-acceptance.service';
import { InvitesController } from './invites.controller';
import { NetworkController } from './network.controller';
import { OffersController } from './offers.controller';
import { ProjectsController } from './projects.controller';

/** Creator-network routes: invites, network, profiles, offers and projects (RPC to creator-network). */
@Module({
  imports: [AccountsModule, PayoutsApiModule],
  controllers: [InvitesController, NetworkController, OffersController, ProjectsController],
  providers: [InviteAcceptanceService],
})
export class NetworkApiModule {}
