import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, partyOf } from '@glimmer/contracts/actor';
import { ProjectCompletedEvent } from '@glimmer/contracts/network/network.events';
import type { ProjectView } from '@glimmer/contracts/network/offer.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { toProjectView } from './project-views';
import { ProjectRepository } from './project.repository';

export interface CompleteProjectCommand {
  actor: Actor;
  projectId: string;
}

/**
 * Marks the project complete for the caller's side (idempotent per party). The call that
 * completes the second side flips the project to completed and records
 * network.project.completed.v1 in the same transaction, so the event exists exactly once.
 */
@Injectable()
export class CompleteProject {
  constructor(
    private readonly orm: MikroORM,
    private readonly projects: ProjectRepository,
    private readonly outbox: OutboxService,
  ) {}

  execute({ actor, projectId }: CompleteProjectCommand): Promise<ProjectView> {
    const party = partyOf(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const project = await this.projects.get(em, party, projectId, true);
      if (!project) throw notFound('project');
      const completed = await this.projects.markCompletedBy(em, project, party.kind);
      const done = toProjectView(project);
      if (completed) {
        await this.outbox.add(em, ProjectCompletedEvent, {
          projectId: done.id,
          brandId: done.brandId,
          creatorId: done.creatorId,
          fee: done.fee,
          currency: done.currency,
          costCodeId: done.costCodeId,
          storyCode: done.storyCode,
          title: done.title,
          completedAt: done.completedAt!,
        });
      }
      return done;
    });
  }
}
