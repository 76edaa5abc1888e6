import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import { BatchedPrune } from '@glimmer/database/batched-prune';
import type { GatewayConfig } from '../gateway.config';

const EVERY_MS = 10 * 60_000;
const BATCH = 5_000;

/**
 * Forgets idempotency keys after IDEMPOTENCY_TTL_HOURS, so the table stays small: the one
 * batched prune (BatchedPrune), served by idempotency_record_created_idx. SQL on purpose: a
 * batched `delete … for update skip locked` lets replicas share the work in short
 * transactions; deleting through the entity would load the rows first.
 */
@Injectable()
export class IdempotencyPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly pruner: BatchedPrune;

  constructor(orm: MikroORM, @Inject(CONFIG) config: GatewayConfig) {
    this.pruner = new BatchedPrune(orm, {
      name: IdempotencyPruner.name,
      everyMs: EVERY_MS,
      batch: BATCH,
      rules: [
        {
          what: 'expired idempotency keys',
          table: 'idempotency_record',
          where: `created_at < now() - make_interval(hours => ?)`,
          params: [config.IDEMPOTENCY_TTL_HOURS],
        },
      ],
    });
  }

  onApplicationBootstrap(): void {
    this.pruner.start();
  }

  /** Forgets every expired key now; returns how many. */
  prune(): Promise<number> {
    return this.pruner.prune();
  }

  onModuleDestroy(): Promise<void> {
    return this.pruner.stop();
  }
}
