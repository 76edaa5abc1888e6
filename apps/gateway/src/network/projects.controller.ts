import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import {
  CompleteProjectRpc,
  GetProjectRpc,
  ListProjectsRpc,
} from '@glimmer/contracts/network/offer.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PageQueryDto } from '../credit/dto/cost-code.dto';
import { UuidParam } from '../http/uuid-param';
import { ProjectDto, ProjectPageDto } from './dto/offer.dto';

/** Projects, seen by their brand and their creator; anyone else gets 404. */
@ApiTags('Network')
@ApiBearerAuth()
@Roles('brand', 'creator')
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOkResponse({ type: ProjectPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ProjectPageDto> {
    return this.rpc.call(ListProjectsRpc, { actor, limit: query.limit, cursor: query.cursor });
  }

  @Get(':id')
  @ApiOkResponse({ type: ProjectDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Project')) id: string,
  ): Promise<ProjectDto> {
    return this.rpc.call(GetProjectRpc, { actor, projectId: id });
  }

  /** Marks the caller's side complete (repeatable); completed once both sides have. */
  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectDto })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Project')) id: string,
  ): Promise<ProjectDto> {
    return this.rpc.call(CompleteProjectRpc, { actor, projectId: id });
  }
}
