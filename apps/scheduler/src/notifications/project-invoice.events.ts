import { Controller } from '@nestjs/common';
import {
  ProjectInvoiceIssued,
  ProjectInvoiceIssuedEvent,
} from '@glimmer/contracts/invoicing/project-invoice.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { OnEvent } from '@glimmer/messaging/handlers';
import { JobQueue } from '../jobs/job-queue.service';
import { EMAIL_JOB_ID_DEDUPES, queueEmailFor } from './email-queue';

/** Tells a brand's finance contact that a project invoice was issued (one email per event). */
@Controller()
export class ProjectInvoiceEvents {
  constructor(private readonly jobs: JobQueue) {}

  @OnEvent(ProjectInvoiceIssuedEvent, {
    consumer: 'scheduler.notifications.project-invoice-issued',
    withoutInbox: EMAIL_JOB_ID_DEDUPES,
  })
  async onIssued(p: ProjectInvoiceIssued, ctx: AmqpContext): Promise<string> {
    const result = await queueEmailFor(this.jobs, ctx.messageId, {
      template: 'project-invoice-issued',
      invoice: { ...p },
    });
    return `${ctx.pattern} ${p.invoiceId}: project-invoice-issued email ${result}`;
  }
}
