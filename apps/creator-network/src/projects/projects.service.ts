import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '@glimmer/contracts/actor';
import { ProjectCompletedEvent } from '@glimmer/contracts/network/network.events';
import type { ProjectView } from '@glimmer/contracts/network/offer.messages';
import type { Page, PageQuery } from '@glimmer/contracts/page';
import { notFound } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { partyOf } from '@glimmer/contracts/actor';
import { keysetPage } from '@glimmer/database/page-cursor';
import { ProjectRepository, toProjectView } from './project.repository';

/** Projects: read by either party; complete once both parties have marked them. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly projects: ProjectRepository,
    private readonly outbox: OutboxService,
  ) {}

  async get(actor: Actor, projectId: string): Promise<ProjectView> {
    const row = await this.projects.get(this.orm.em.fork(), partyOf(actor), projectId);
    if (!row) throw notFound('project');
    return toProjectView(row);
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<ProjectView>> {
    const party = partyOf(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      query,
      (after, limit) => this.projects.page(em, party, after, limit),
      toProjectView,
    );
  }

  /**
   * Marks the project complete for the caller's side (idempotent per party). The call that
   * completes the second side flips the project to completed and records
   * network.project.completed.v1 in the same transaction, so the event exists exactly once.
   */
  async complete(actor: Actor, projectId: string): Promise<ProjectView> {
    const party = partyOf(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const row = await this.projects.get(em, party, projectId, true);
      if (!row) throw notFound('project');
      await this.projects.markCompletedBy(em, row.id, party.kind);
      if (await this.projects.completeIfBoth(em, row.id)) {
        const done = toProjectView((await this.projects.get(em, party, row.id))!);
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
        return done;
      }
      return toProjectView((await this.projects.get(em, party, row.id))!);
    });
  }
}
