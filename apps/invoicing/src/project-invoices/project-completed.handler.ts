import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ProjectCompleted, ProjectCompletedEvent } from '@glimmer/contracts/network/network.events';
import { AmqpContext } from '@glimmer/messaging/amqp.context';
import { InboxService } from '@glimmer/messaging/inbox/inbox.service';
import { IssueProjectInvoice } from './issue-project-invoice.use-case';

/** A completed project is invoiced once: the inbox drops a redelivery, the project id a republish. */
@Controller()
export class ProjectCompletedHandler {
  private readonly logger = new Logger(ProjectCompletedHandler.name);

  constructor(
    private readonly inbox: InboxService,
    private readonly issue: IssueProjectInvoice,
  ) {}

  @EventPattern(ProjectCompletedEvent.pattern)
  async onCompleted(@Payload() p: ProjectCompleted, @Ctx() ctx: AmqpContext): Promise<void> {
    const result = await this.inbox.runOnce(
      'invoicing.project-invoice.project-completed',
      ctx,
      (em) => this.issue.execute(em, p),
    );
    const outcome = result.duplicate ? 'duplicate' : result.value;
    this.logger.log(`project ${p.projectId} completed: ${outcome}`);
  }
}
