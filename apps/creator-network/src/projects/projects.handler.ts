import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CompleteProjectRpc,
  GetProjectRpc,
  ListProjectsRequest,
  ListProjectsRpc,
  ProjectIdRequest,
  ProjectView,
} from '@glimmer/contracts/network/offer.messages';
import type { Page } from '@glimmer/contracts/page';
import { CompleteProject } from './complete-project.use-case';
import { ProjectQueries } from './project.queries';

@Controller()
export class ProjectsHandler {
  constructor(
    private readonly queries: ProjectQueries,
    private readonly completeProject: CompleteProject,
  ) {}

  @MessagePattern(ListProjectsRpc.pattern)
  list(@Payload() req: ListProjectsRequest): Promise<Page<ProjectView>> {
    return this.queries.list(req.actor, req);
  }

  @MessagePattern(GetProjectRpc.pattern)
  get(@Payload() req: ProjectIdRequest): Promise<ProjectView> {
    return this.queries.get(req.actor, req.projectId);
  }

  @MessagePattern(CompleteProjectRpc.pattern)
  complete(@Payload() req: ProjectIdRequest): Promise<ProjectView> {
    return this.completeProject.execute({ actor: req.actor, projectId: req.projectId });
  }
}
