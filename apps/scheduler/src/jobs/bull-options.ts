import type { QueueOptions } from 'bullmq';
import { bullPrefix } from '@glimmer/contracts/scheduler/queues';
import type { SchedulerConfig } from '../scheduler.config';

/**
 * How every queue and worker reaches Redis. The prefix keeps environments that share one Redis
 * apart (`<GLIMMER_PREFIX>:bull:<queue>:…`). Queue connections are named
 * `<GLIMMER_PREFIX>:scheduler` (workers name theirs `<GLIMMER_PREFIX>:bull:…`), so CLIENT LIST
 * tells whose they are.
 */
export function bullOptions(
  config: Pick<SchedulerConfig, 'REDIS_URL' | 'GLIMMER_PREFIX'>,
): QueueOptions {
  return {
    connection: { url: config.REDIS_URL, connectionName: `${config.GLIMMER_PREFIX}:scheduler` },
    prefix: bullPrefix(config.GLIMMER_PREFIX),
  };
}
