import 'reflect-metadata';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { runServiceMain } from '@glimmer/runtime/service-main';
import { schedulerConfigSchema } from './scheduler.config';
import { migrateScheduler } from './scheduler.migrate';
import { SchedulerModule } from './scheduler.module';

runServiceMain({
  service: 'scheduler',
  configSchema: schedulerConfigSchema,
  serve: async (config) => {
    // Workers close gracefully on SIGTERM (shutdown hooks are on): active jobs finish first.
    await bootstrapService(SchedulerModule.forRoot(config), config.HEALTH_PORT);
  },
  migrate: (config) => migrateScheduler(config),
});
