import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import {
  CreditInvoiceIssuedEvent,
  CreditInvoiceNotice,
  CreditInvoicePaidEvent,
  CreditInvoiceVoidedEvent,
} from '@glimmer/contracts/invoicing/credit-invoice.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { currentCorrelationId } from '@glimmer/observability/correlation';
import { JobQueue } from '../jobs/job-queue.service';
import { jobIds, JobName } from '../jobs/job-types';
import type { CreditInvoiceEmail } from './email.templates';

/**
 * Tells a brand's finance contact about its credit invoices. Each event queues one send-email
 * job whose id is the event's message id, so a redelivered event sends nothing more.
 */
@Controller()
export class CreditInvoiceEventsHandler {
  private readonly logger = new Logger(CreditInvoiceEventsHandler.name);

  constructor(private readonly jobs: JobQueue) {}

  @EventPattern(CreditInvoiceIssuedEvent.pattern)
  onIssued(@Payload() p: CreditInvoiceNotice, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.queueEmail({ template: 'credit-invoice-issued', notice: p }, ctx);
  }

  @EventPattern(CreditInvoicePaidEvent.pattern)
  onPaid(@Payload() p: CreditInvoiceNotice, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.queueEmail({ template: 'credit-invoice-paid', notice: p }, ctx);
  }

  @EventPattern(CreditInvoiceVoidedEvent.pattern)
  onVoided(@Payload() p: CreditInvoiceNotice, @Ctx() ctx: AmqpContext): Promise<void> {
    return this.queueEmail({ template: 'credit-invoice-voided', notice: p }, ctx);
  }

  private async queueEmail(email: CreditInvoiceEmail, ctx: AmqpContext): Promise<void> {
    // Class instances do not survive JSON; the job keeps the plain notice.
    const plain = { ...email, notice: { ...email.notice } } as CreditInvoiceEmail;
    const result = await this.jobs.enqueue(
      JobName.SendEmail,
      { email: plain, correlationId: currentCorrelationId() ?? randomUUID() },
      { jobId: jobIds.email(ctx.messageId) },
    );
    this.logger.log(
      `${ctx.pattern} ${email.notice.creditInvoiceId}: ${email.template} email ${result}`,
    );
  }
}
