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
import { ProjectsService } from './projects.service';

@Controller()
export class ProjectsHandler {
  constructor(private readonly projects: ProjectsService) {}

  @MessagePattern(ListProjectsRpc.pattern)
  list(@Payload() req: ListProjectsRequest): Promise<Page<ProjectView>> {
    return this.projects.list(req.actor, req);
  }

  @MessagePattern(GetProjectRpc.pattern)
  get(@Payload() req: ProjectIdRequest): Promise<ProjectView> {
    return this.projects.get(req.actor, req.projectId);
  }

  @MessagePattern(CompleteProjectRpc.pattern)
  complete(@Payload() req: ProjectIdRequest): Promise<ProjectView> {
    return this.projects.complete(req.actor, req.projectId);
  }
}
