import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { CreditInvoiceEventsHandler } from './credit-invoice-events.handler';
import { IdentityEventsHandler } from './identity-events.handler';
import { Mailer } from './mailer.service';
import { NetworkEventsHandler } from './network-events.handler';
import { NotificationsProcessor } from './notifications.processor';
import { PayoutMethodNoticesHandler } from './payout-method-notices.handler';
import { PayoutNoticesHandler } from './payout-notices.handler';
import { ProjectInvoiceEventsHandler } from './project-invoice-events.handler';

/** The one place Glimmer sends email from. */
@Module({
  imports: [JobsModule],
  controllers: [
    CreditInvoiceEventsHandler,
    NetworkEventsHandler,
    ProjectInvoiceEventsHandler,
    PayoutNoticesHandler,
    IdentityEventsHandler,
    PayoutMethodNoticesHandler,
  ],
  providers: [Mailer, NotificationsProcessor],
})
export class NotificationsModule {}
