import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ProjectInvoiceIssued,
  ProjectInvoiceIssuedEvent,
} from '@glimmer/contracts/invoicing/project-invoice.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { JobQueue } from '../jobs/job-queue.service';
import { queueEmailFor } from './email-queue';

/** Tells a brand's finance contact that a project invoice was issued (one email per event). */
@Controller()
export class ProjectInvoiceEventsHandler {
  private readonly logger = new Logger(ProjectInvoiceEventsHandler.name);

  constructor(private readonly jobs: JobQueue) {}

  @EventPattern(ProjectInvoiceIssuedEvent.pattern)
  async onIssued(@Payload() p: ProjectInvoiceIssued, @Ctx() ctx: AmqpContext): Promise<void> {
    const result = await queueEmailFor(this.jobs, ctx.messageId, {
      template: 'project-invoice-issued',
      invoice: { ...p },
    });
    this.logger.log(`${ctx.pattern} ${p.invoiceId}: project-invoice-issued email ${result}`);
  }
}
