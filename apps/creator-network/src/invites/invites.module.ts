import { Module } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { CreatorsModule } from '../creators/creators.module';
import { InviteRepository } from './invite.repository';
import { InviteSendQuota } from './invite-send-quota';
import { InvitesHandler } from './invites.handler';
import { InvitesService } from './invites.service';

/** Invites: signed (hashed), expiring tokens that travel only in the email. */
@Module({
  imports: [BrandsModule, CreatorsModule],
  controllers: [InvitesHandler],
  providers: [InviteRepository, InvitesService, InviteSendQuota],
})
export class InvitesModule {}
