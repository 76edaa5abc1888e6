import { Module } from '@nestjs/common';
import { BrandsModule } from '../brands/brands.module';
import { IdempotencyModule } from '../common/idempotency.module';
import { CreatorsModule } from '../creators/creators.module';
import { AcceptInvite } from './accept-invite.use-case';
import { CreateInvite } from './create-invite.use-case';
import { InviteEmail } from './invite-email';
import { InviteSendQuota } from './invite-send-quota';
import { InviteSendRepository } from './invite-send.repository';
import { InviteQueries } from './invite.queries';
import { InviteRepository } from './invite.repository';
import { InvitesRpc } from './invites.rpc';
import { ResendInvite } from './resend-invite.use-case';
import { RevokeInvite } from './revoke-invite.use-case';

/** Invites: signed (hashed), expiring tokens that travel only in the email. */
@Module({
  imports: [BrandsModule, CreatorsModule, IdempotencyModule],
  controllers: [InvitesRpc],
  providers: [
    InviteRepository,
    InviteSendRepository,
    InviteSendQuota,
    InviteEmail,
    InviteQueries,
    CreateInvite,
    ResendInvite,
    RevokeInvite,
    AcceptInvite,
  ],
})
export class InvitesModule {}
