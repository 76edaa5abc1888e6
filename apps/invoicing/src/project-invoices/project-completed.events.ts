import { Controller } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProjectCompleted, ProjectCompletedEvent } from '@glimmer/contracts/network/network.events';
import { OnEvent } from '@glimmer/messaging/handlers';
import { IssueProjectInvoice } from './issue-project-invoice.use-case';

/** A completed project is invoiced once: the inbox drops a redelivery, the project id a republish. */
@Controller()
export class ProjectCompletedEvents {
  constructor(private readonly issue: IssueProjectInvoice) {}

  @OnEvent(ProjectCompletedEvent, { consumer: 'invoicing.project-invoice.project-completed' })
  async onCompleted(p: ProjectCompleted, em: EntityManager): Promise<string> {
    const outcome = await this.issue.execute(em, p);
    return `project ${p.projectId} completed: ${outcome}`;
  }
}
