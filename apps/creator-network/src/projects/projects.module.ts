import { Module } from '@nestjs/common';
import { ProjectRepository } from './project.repository';
import { ProjectsRpc } from './projects.rpc';
import { CompleteProject } from './complete-project.use-case';
import { ProjectQueries } from './project.queries';

/** Projects: created when a creator accepts an offer; completed by both parties. */
@Module({
  controllers: [ProjectsRpc],
  providers: [ProjectRepository, ProjectQueries, CompleteProject],
  exports: [ProjectRepository],
})
export class ProjectsModule {}
