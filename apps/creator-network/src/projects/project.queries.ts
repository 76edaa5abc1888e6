import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type Actor, partyOf } from '@glimmer/contracts/actor';
import type { ProjectView } from '@glimmer/contracts/network/offer.messages';
import type { Page, PageQuery } from '@glimmer/contracts/page';
import { keysetPage } from '@glimmer/database/page-cursor';
import { notFound } from '@glimmer/errors/domain-error';
import { toProjectView } from './project-views';
import { ProjectRepository } from './project.repository';

/** The project aggregate's read-only queries (one class: nothing here writes), by either party. */
@Injectable()
export class ProjectQueries {
  constructor(
    private readonly orm: MikroORM,
    private readonly projects: ProjectRepository,
  ) {}

  async get(actor: Actor, projectId: string): Promise<ProjectView> {
    const project = await this.projects.get(this.orm.em.fork(), partyOf(actor), projectId);
    if (!project) throw notFound('project');
    return toProjectView(project);
  }

  list(actor: Actor, query: PageQuery): Promise<Page<ProjectView>> {
    const party = partyOf(actor);
    const em = this.orm.em.fork();
    return keysetPage(
      query,
      (after, limit) => this.projects.page(em, party, after, limit),
      toProjectView,
    );
  }
}
