import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from './queue-names';

/**
 * BullMQ keeps its jobs in Redis: a Redis that evicts keys under memory pressure silently loses
 * delayed and waiting jobs. This says so loudly at start; it does not stop the service.
 */
@Injectable()
export class RedisPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(RedisPolicyCheck.name);
  /** The policy found at start (for health output and tests); undefined until read. */
  policy?: string;

  constructor(@InjectQueue(QueueName.Sweeps) private readonly queue: Queue) {}

  onApplicationBootstrap(): void {
    // Not awaited: an unreachable Redis must not hold the service's start.
    void this.check();
  }

  async check(): Promise<string | undefined> {
    try {
      const client = await this.queue.client;
      const reply = (await client.config('GET', 'maxmemory-policy')) as unknown;
      const policy = Array.isArray(reply) ? String(reply[1]) : undefined;
      this.policy = policy;
      if (policy !== 'noeviction') {
        this.logger.error(
          `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or queued jobs can be lost`,
        );
      }
      return policy;
    } catch (err) {
      this.logger.warn(`could not read Redis maxmemory-policy (${(err as Error).message}); it must be noeviction`);
      return undefined;
    }
  }
}
