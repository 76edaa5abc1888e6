import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { CONFIG } from '@glimmer/config/config';
import { withDeadline } from '@glimmer/errors/deadline';
import { ReadinessCheck } from './health.module';

/** Redis answers PING (the scheduler's jobs live there). One lazy connection, reused. */
@Injectable()
export class RedisReadiness implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'redis';
  private client?: Redis;

  constructor(@Inject(CONFIG) private readonly config: { REDIS_URL: string }) {}

  async check(): Promise<void> {
    if (!this.client) {
      this.client = new Redis(this.config.REDIS_URL, {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectTimeout: 1_500,
      });
      // Errors surface through the commands; the event would otherwise be unhandled.
      this.client.on('error', () => undefined);
    }
    if (this.client.status === 'wait' || this.client.status === 'end') {
      await withDeadline(1_500, this.client.connect());
    }
    await withDeadline(1_500, this.client.ping());
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}
