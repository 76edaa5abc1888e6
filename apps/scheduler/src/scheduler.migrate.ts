import { Queue } from 'bullmq';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { bullOptions } from './jobs/bull-options';
import { QueueName } from './jobs/queue-names';
import type { SchedulerConfig } from './scheduler.config';
import { upsertSweepSchedules } from './sweeps/sweep-schedules';

/**
 * The scheduler's deploy step, run once per deploy like a migration: declares its broker queues
 * and registers the cluster-wide repeatable jobs (upserts: running it again changes nothing).
 */
export async function migrateScheduler(
  config: SchedulerConfig,
): Promise<{ jobSchedulers: string[] }> {
  await migrateBroker(config.RABBITMQ_URL, 'scheduler', { prefix: config.GLIMMER_PREFIX });
  const sweeps = new Queue(QueueName.Sweeps, bullOptions(config));
  try {
    await upsertSweepSchedules(sweeps, config);
    return { jobSchedulers: (await sweeps.getJobSchedulers()).map((s) => s.key) };
  } finally {
    await sweeps.close();
  }
}
