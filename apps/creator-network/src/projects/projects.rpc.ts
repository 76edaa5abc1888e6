import { Controller } from '@nestjs/common';
import {
  CompleteProjectRpc,
  GetProjectRpc,
  ListProjectsRequest,
  ListProjectsRpc,
  ProjectIdRequest,
  ProjectView,
} from '@glimmer/contracts/network/offer.messages';
import type { Page } from '@glimmer/contracts/page';
import { OnRpc } from '@glimmer/messaging/handlers';
import { CompleteProject } from './complete-project.use-case';
import { ProjectQueries } from './project.queries';

@Controller()
export class ProjectsRpc {
  constructor(
    private readonly queries: ProjectQueries,
    private readonly completeProject: CompleteProject,
  ) {}

  @OnRpc(ListProjectsRpc)
  list(req: ListProjectsRequest): Promise<Page<ProjectView>> {
    return this.queries.list(req.actor, req);
  }

  @OnRpc(GetProjectRpc)
  get(req: ProjectIdRequest): Promise<ProjectView> {
    return this.queries.get(req.actor, req.projectId);
  }

  @OnRpc(CompleteProjectRpc)
  complete(req: ProjectIdRequest): Promise<ProjectView> {
    return this.completeProject.execute({ actor: req.actor, projectId: req.projectId });
  }
}
