import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ProjectInvoicePaid,
  ProjectInvoicePaidEvent,
} from '@glimmer/contracts/invoicing/project-invoice.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { InboxService } from '@glimmer/messaging/inbox/inbox.service';
import { RecordPaidInvoice } from './record-paid-invoice.use-case';

/**
 * A paid project invoice becomes one payout: the inbox drops a redelivered message, and the
 * unique invoice id drops a republished one.
 */
@Controller()
export class InvoicePaidHandler {
  private readonly logger = new Logger(InvoicePaidHandler.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly recordPaidInvoice: RecordPaidInvoice,
  ) {}

  @EventPattern(ProjectInvoicePaidEvent.pattern)
  async onInvoicePaid(@Payload() p: ProjectInvoicePaid, @Ctx() ctx: AmqpContext): Promise<void> {
    const result = await this.inbox.runOnce('payout.payout.invoice-paid', ctx, (em) =>
      this.recordPaidInvoice.execute(em, p),
    );
    const outcome = result.duplicate ? 'duplicate' : result.value;
    this.logger.log(`invoice ${p.invoiceId} paid: payout ${outcome}`);
  }
}
