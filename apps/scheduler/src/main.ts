import 'reflect-metadata';
import { loadConfig } from '@glimmer/config/config';
import { bootstrapService } from '@glimmer/messaging/service-bootstrap';
import { schedulerConfigSchema } from './scheduler.config';
import { migrateScheduler } from './scheduler.migrate';
import { SchedulerModule } from './scheduler.module';

/** `node main.js [serve|migrate]`: one entry point, so the deploy step and the service agree. */
async function main(command = 'serve'): Promise<void> {
  const config = loadConfig(schedulerConfigSchema);
  switch (command) {
    case 'serve':
      // Workers close gracefully on SIGTERM (shutdown hooks are on): active jobs finish first.
      await bootstrapService(SchedulerModule.forRoot(config), config.HEALTH_PORT);
      return;
    case 'migrate': {
      const result = await migrateScheduler(config);
      console.log(JSON.stringify({ service: 'scheduler', ...result }));
      return;
    }
    default:
      throw new Error(`unknown command "${command}" (serve | migrate)`);
  }
}

main(process.argv[2]).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
