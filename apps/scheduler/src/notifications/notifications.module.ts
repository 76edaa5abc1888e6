import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { CreditInvoiceEvents } from './credit-invoice.events';
import { IdentityEvents } from './identity.events';
import { Mailer } from './mailer.service';
import { NetworkEvents } from './network.events';
import { NotificationsProcessor } from './notifications.processor';
import { PayoutMethodNoticeEvents } from './payout-method-notices.events';
import { PayoutNoticeEvents } from './payout-notices.events';
import { ProjectInvoiceEvents } from './project-invoice.events';

/** The one place Glimmer sends email from. */
@Module({
  imports: [JobsModule],
  controllers: [
    CreditInvoiceEvents,
    NetworkEvents,
    ProjectInvoiceEvents,
    PayoutNoticeEvents,
    IdentityEvents,
    PayoutMethodNoticeEvents,
  ],
  providers: [Mailer, NotificationsProcessor],
})
export class NotificationsModule {}
