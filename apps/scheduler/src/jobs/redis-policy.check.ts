import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import Redis from 'ioredis';
import { CONFIG } from '@glimmer/config/config';
import type { SchedulerConfig } from '../scheduler.config';

/**
 * BullMQ keeps its jobs in Redis: a Redis that evicts keys under memory pressure silently loses
 * delayed and waiting jobs. This says so loudly at start; it does not stop the service.
 */
@Injectable()
export class RedisPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(RedisPolicyCheck.name);
  /** The policy found at start (for tests and diagnostics); undefined until read. */
  policy?: string;
  private running?: Promise<string | undefined>;

  constructor(@Inject(CONFIG) private readonly config: SchedulerConfig) {}

  onApplicationBootstrap(): void {
    // Not awaited: an unreachable Redis must not hold the service's start.
    this.running = this.check();
  }

  /** The start-up check's result (waits for it). */
  result(): Promise<string | undefined> {
    return this.running ?? this.check();
  }

  async check(): Promise<string | undefined> {
    const redis = new Redis(this.config.REDIS_URL, {
      maxRetriesPerRequest: 1,
      connectTimeout: 5_000,
      lazyConnect: true,
    });
    try {
      await redis.connect();
      const reply = (await redis.config('GET', 'maxmemory-policy')) as unknown;
      const policy = Array.isArray(reply) ? String(reply[1]) : undefined;
      this.policy = policy;
      if (policy !== 'noeviction') {
        this.logger.error(
          `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or queued jobs can be lost`,
        );
      }
      return policy;
    } catch (err) {
      // Managed Redis may forbid CONFIG: say what to check instead of failing.
      this.logger.warn(
        `could not read Redis maxmemory-policy (${(err as Error).message}); it must be noeviction`,
      );
      return undefined;
    } finally {
      redis.disconnect();
    }
  }
}
