import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import type { GatewayConfig } from '../gateway.config';
import { IdempotencyService } from './idempotency.service';

const EVERY_MS = 10 * 60_000;

/** Forgets idempotency keys after IDEMPOTENCY_TTL_HOURS, so the table stays small. */
@Injectable()
export class IdempotencyPruner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyPruner.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly records: IdempotencyService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.prune(), EVERY_MS).unref();
  }

  async prune(): Promise<void> {
    try {
      const removed = await this.records.prune(this.config.IDEMPOTENCY_TTL_HOURS);
      if (removed) this.logger.log(`forgot ${removed} expired idempotency keys`);
    } catch (err) {
      this.logger.warn(`idempotency pruning failed: ${(err as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
