import { Module } from '@nestjs/common';
import { ProjectRepository } from './project.repository';
import { ProjectsHandler } from './projects.handler';
import { ProjectsService } from './projects.service';

/** Projects: created when a creator accepts an offer; completed by both parties. */
@Module({
  controllers: [ProjectsHandler],
  providers: [ProjectRepository, ProjectsService],
  exports: [ProjectRepository],
})
export class ProjectsModule {}
