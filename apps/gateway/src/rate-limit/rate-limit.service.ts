import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import type { GatewayConfig } from '../gateway.config';
import {
  accountKey,
  backoffMs,
  RATE_LIMIT_POLICIES,
  RateLimitPolicy,
  retryAfterSeconds,
} from './rate-limit.policy';

/**
 * The throttler's Redis storage (its atomic INCR/PEXPIRE script), with keys under
 * `<prefix>:rl:` so environments sharing one Redis never meet (and the test harness's
 * `<prefix>*` cleanup finds them). The hash tag keeps a counter's keys in one cluster slot.
 */
class PrefixedRedisStorage extends ThrottlerStorageRedisService {
  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    super(redis);
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:rl:{${throttlerName}:${key}}`;
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = (await this.redis.call(
      'eval',
      this.scriptSrc,
      2,
      `${base}:hits`,
      `${base}:blocked`,
      throttlerName,
      ttl,
      limit,
      blockDuration,
    )) as number[];
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpire / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000),
    };
  }
}

/**
 * Request counting shared by every gateway replica (Redis). When Redis cannot answer, requests
 * are let through and a warning is logged: limits protect capacity, they decide no money.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private readonly storage: PrefixedRedisStorage;

  constructor(@Inject(CONFIG) private readonly config: GatewayConfig) {
    this.redis = new Redis(config.REDIS_URL, {
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
      connectTimeout: 1_500,
    });
    this.redis.on('error', () => undefined);
    this.storage = new PrefixedRedisStorage(this.redis, config.GLIMMER_PREFIX);
  }

  /** Counts one request of `policy` for `subject`; 429 `rate_limited` once over the limit. */
  async hit(policy: RateLimitPolicy, subject: string): Promise<void> {
    const limit = this.config[RATE_LIMIT_POLICIES[policy].limit];
    const windowMs = this.config.RATE_LIMIT_WINDOW_SECONDS * 1000;
    let record: ThrottlerStorageRecord;
    try {
      record = await this.storage.increment(subject, windowMs, limit, windowMs, policy);
    } catch (err) {
      this.logger.warn({ err, policy }, 'rate limit storage unavailable: request let through');
      return;
    }
    if (record.isBlocked) {
      throw limited(
        `Too many requests: at most ${limit} per ${this.config.RATE_LIMIT_WINDOW_SECONDS} s`,
        record.timeToBlockExpire * 1000,
      );
    }
  }

  /** Refuses a login for an account still in its backoff after failed attempts. */
  async checkLogin(email: string): Promise<void> {
    let waitMs: number;
    try {
      waitMs = await this.redis.pttl(this.key('login-lock', email));
    } catch (err) {
      this.logger.warn({ err }, 'rate limit storage unavailable: login let through');
      return;
    }
    if (waitMs > 0)
      throw limited('Too many failed logins for this account: wait and retry', waitMs);
  }

  /** A failed login: from RATE_LIMIT_LOGIN_FAILURES on, each one doubles the account's wait. */
  async loginFailed(email: string): Promise<void> {
    const c = this.config;
    try {
      const failures = await this.redis.incr(this.key('login-fail', email));
      await this.redis.pexpire(
        this.key('login-fail', email),
        c.RATE_LIMIT_LOGIN_BACKOFF_MAX_MS * 2,
      );
      const wait = backoffMs(
        failures,
        c.RATE_LIMIT_LOGIN_FAILURES,
        c.RATE_LIMIT_LOGIN_BACKOFF_BASE_MS,
        c.RATE_LIMIT_LOGIN_BACKOFF_MAX_MS,
      );
      if (wait > 0) await this.redis.set(this.key('login-lock', email), '1', 'PX', wait);
    } catch (err) {
      this.logger.warn({ err }, 'rate limit storage unavailable: failure not counted');
    }
  }

  /** A correct password clears the account's failures. */
  async loginSucceeded(email: string): Promise<void> {
    try {
      await this.redis.del(this.key('login-fail', email), this.key('login-lock', email));
    } catch (err) {
      this.logger.warn({ err }, 'rate limit storage unavailable: failures not cleared');
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private key(kind: string, email: string): string {
    return `${this.config.GLIMMER_PREFIX}:rl:${kind}:${accountKey(email)}`;
  }
}

function limited(detail: string, waitMs: number): DomainError {
  return new DomainError('rate_limited', detail, {
    meta: { retryAfterSeconds: retryAfterSeconds(waitMs) },
  });
}
