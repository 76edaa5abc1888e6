import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CONFIG } from '@glimmer/config/config';
import { withRedisDeadline } from '../jobs/deadline';
import { JobQueue } from '../jobs/job-queue.service';
import { QueueName } from '../jobs/queue-names';
import type { SchedulerConfig } from '../scheduler.config';
import { missingSweepSchedules, upsertSweepSchedules } from './sweep-schedules';

/** Why the keeper looked: the replica started, its Redis connection came back, or the timer. */
export type KeeperReason = 'start' | 'reconnect' | 'check';

/**
 * Keeps the sweeps' job schedulers in Redis. Redis only holds schedules (PostgreSQL is the
 * source of truth), and a Redis that comes back empty has none: without them no sweep runs and
 * nothing re-derives the delayed jobs that were lost with it. So every replica upserts them at
 * start, restores any missing one whenever its Redis connection is (re)established, and checks
 * every SCHEDULE_CHECK_EVERY_MS (a Redis emptied without dropping the connection). Upserting
 * under fixed ids is idempotent, so replicas doing it at once still leave one schedule each.
 */
@Injectable()
export class SweepScheduleKeeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SweepScheduleKeeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  /** A reason that came while a look was running: it gets its own look right after. */
  private queued?: KeeperReason;
  private stopped = false;
  /** The last time a missing schedule was restored (diagnostics and tests). */
  lastRestored?: { reason: KeeperReason; ids: string[]; at: Date };

  private readonly sweeps: Queue;

  constructor(
    jobs: JobQueue,
    @Inject(CONFIG) private readonly config: SchedulerConfig,
  ) {
    this.sweeps = jobs.queue(QueueName.Sweeps);
  }

  onApplicationBootstrap(): void {
    // Not awaited: an unreachable Redis must not hold the start (readiness says so meanwhile).
    void this.keep('start');
    void this.watchReconnects();
    this.timer = setInterval(() => void this.keep('check'), this.config.SCHEDULE_CHECK_EVERY_MS);
  }

  beforeApplicationShutdown(): Promise<void> | undefined {
    this.stopped = true;
    clearInterval(this.timer);
    return this.running;
  }

  /** The sweeps without a schedule in Redis right now (read, never repaired, by readiness). */
  missing(): Promise<string[]> {
    return missingSweepSchedules(this.sweeps, this.config);
  }

  /** One look at a time, so a slow Redis does not pile up overlapping checks. */
  keep(reason: KeeperReason): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.queued = reason;
      return this.running;
    }
    this.running = this.restore(reason).finally(() => {
      this.running = undefined;
      const next = this.queued;
      this.queued = undefined;
      if (next) void this.keep(next);
    });
    return this.running;
  }

  private async restore(reason: KeeperReason): Promise<void> {
    try {
      await withRedisDeadline('sweep schedules', this.config.RPC_TIMEOUT_MS, async () => {
        if (reason === 'start') {
          // Also applies a changed period from this deploy's config.
          await upsertSweepSchedules(this.sweeps, this.config);
          return;
        }
        const missing = await this.missing();
        if (missing.length === 0) return;
        await upsertSweepSchedules(this.sweeps, this.config, missing);
        this.lastRestored = { reason, ids: missing, at: new Date() };
        this.logger.warn(
          { reason, restored: missing },
          `sweep schedules were missing from Redis and are restored: ${missing.join(', ')}`,
        );
      });
    } catch (err) {
      this.logger.warn(
        `could not check the sweep schedules (${reason}): ${(err as Error).message}`,
      );
    }
  }

  /**
   * ioredis emits 'ready' on every (re)connection; the first came before the client resolved.
   * A Redis that restarted may have come back without its data.
   */
  private async watchReconnects(): Promise<void> {
    try {
      const client = await this.sweeps.client;
      client.on('ready', () => void this.keep('reconnect'));
    } catch (err) {
      this.logger.warn(`cannot watch Redis reconnects: ${(err as Error).message}`);
    }
  }
}
