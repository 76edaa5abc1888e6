import { Controller } from '@nestjs/common';
import {
  CreditInvoiceIssuedEvent,
  CreditInvoiceNotice,
  CreditInvoicePaidEvent,
  CreditInvoiceVoidedEvent,
} from '@glimmer/contracts/invoicing/credit-invoice.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { JobQueue } from '../jobs/job-queue.service';
import { EMAIL_JOB_ID_DEDUPES, queueEmailFor } from './email-queue';
import type { CreditInvoiceEmail } from './email.templates';

/**
 * Tells a brand's finance contact about its credit invoices. Each event queues one send-email
 * job whose id is the event's message id, so a redelivered event sends nothing more.
 */
@Controller()
export class CreditInvoiceEvents {
  constructor(private readonly jobs: JobQueue) {}

  @OnEvent(CreditInvoiceIssuedEvent, {
    consumer: 'scheduler.notifications.credit-invoice-issued',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  onIssued(p: CreditInvoiceNotice, ctx: AmqpContext): Promise<string> {
    return this.queueEmail({ template: 'credit-invoice-issued', notice: p }, ctx);
  }

  @OnEvent(CreditInvoicePaidEvent, {
    consumer: 'scheduler.notifications.credit-invoice-paid',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  onPaid(p: CreditInvoiceNotice, ctx: AmqpContext): Promise<string> {
    return this.queueEmail({ template: 'credit-invoice-paid', notice: p }, ctx);
  }

  @OnEvent(CreditInvoiceVoidedEvent, {
    consumer: 'scheduler.notifications.credit-invoice-voided',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  onVoided(p: CreditInvoiceNotice, ctx: AmqpContext): Promise<string> {
    return this.queueEmail({ template: 'credit-invoice-voided', notice: p }, ctx);
  }

  private async queueEmail(email: CreditInvoiceEmail, ctx: AmqpContext): Promise<string> {
    // Class instances do not survive JSON; the job keeps the plain notice.
    const plain = { ...email, notice: { ...email.notice } } as CreditInvoiceEmail;
    const result = await queueEmailFor(this.jobs, ctx.messageId, plain);
    return `${ctx.pattern} ${email.notice.creditInvoiceId}: ${email.template} email ${result}`;
  }
}
