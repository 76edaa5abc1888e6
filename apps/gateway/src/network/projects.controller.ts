import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@glimmer/contracts/actor';
import {
  CompleteProjectRpc,
  GetProjectRpc,
  ListProjectsRpc,
} from '@glimmer/contracts/network/offer.messages';
import { ApiErrors } from '@glimmer/errors/problem.dto';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { PageQueryDto } from '../credit/dto/cost-code.dto';
import { SIGNED_IN, SIGNED_IN_CHANGE, VIA_SERVICE } from '../http/error-sets';
import { UuidParam } from '../http/uuid-param';
import { ProjectPayments } from '../payouts/project-payments.service';
import { ProjectDto, ProjectPageDto } from './dto/offer.dto';

/** Projects, seen by their brand and their creator; anyone else gets 404. */
@ApiTags('Network')
@Roles('brand', 'creator')
@Controller('v1/projects')
export class ProjectsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly payments: ProjectPayments,
  ) {}

  @Get()
  @ApiOkResponse({ type: ProjectPageDto })
  @ApiErrors(...SIGNED_IN, 'validation_failed', ...VIA_SERVICE)
  async list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<ProjectPageDto> {
    const page = await this.rpc.call(ListProjectsRpc, {
      actor,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { data: await this.payments.enrich(actor, page.data), nextCursor: page.nextCursor };
  }

  /** The project with its invoice and the date its creator can expect to be paid. */
  @Get(':id')
  @ApiOkResponse({ type: ProjectDto })
  @ApiErrors(...SIGNED_IN, 'not_found', ...VIA_SERVICE)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Project')) id: string,
  ): Promise<ProjectDto> {
    const project = await this.rpc.call(GetProjectRpc, { actor, projectId: id });
    return (await this.payments.enrich(actor, [project]))[0];
  }

  /** Marks the caller's side complete (repeatable); completed once both sides have. */
  @Post(':id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectDto })
  @ApiErrors(...SIGNED_IN_CHANGE, 'not_found', ...VIA_SERVICE)
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam('Project')) id: string,
  ): Promise<ProjectDto> {
    return this.rpc.call(CompleteProjectRpc, { actor, projectId: id });
  }
}
