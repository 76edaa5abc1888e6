import { Module } from '@nestjs/common';
import { ProjectRepository } from './project.repository';
import { ProjectsHandler } from './projects.handler';
import { CompleteProject } from './complete-project.use-case';
import { ProjectQueries } from './project.queries';

/** Projects: created when a creator accepts an offer; completed by both parties. */
@Module({
  controllers: [ProjectsHandler],
  providers: [ProjectRepository, ProjectQueries, CompleteProject],
  exports: [ProjectRepository],
})
export class ProjectsModule {}
