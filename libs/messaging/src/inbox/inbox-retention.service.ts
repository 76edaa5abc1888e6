import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { BatchedPrune } from '@glimmer/database/batched-prune';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';

export const INBOX_RETENTION_DEFAULTS = {
  retentionHours: 24 * 30,
  pruneEveryMs: 3_600_000,
  pruneBatch: 5_000,
};

/**
 * Keeps `processed_message` (the inbox) from growing forever: the rows older than
 * `retentionHours` are deleted every `pruneEveryMs`, `pruneBatch` at a time (BatchedPrune). A
 * message id is only needed while a copy of its message can still arrive — a redelivery or a
 * republished outbox row comes within minutes; a dead letter replayed by ops later than the
 * window is no longer dropped by the inbox (its handler's own uniqueness checks still apply),
 * so the window is long.
 */
@Injectable()
export class InboxRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly pruner: BatchedPrune;

  constructor(orm: MikroORM, @Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    this.pruner = new BatchedPrune(orm, {
      name: 'InboxRetention',
      everyMs: options.inboxPruneEveryMs ?? INBOX_RETENTION_DEFAULTS.pruneEveryMs,
      batch: options.inboxPruneBatch ?? INBOX_RETENTION_DEFAULTS.pruneBatch,
      rules: [
        {
          what: 'processed-message rows',
          table: 'processed_message',
          where: 'processed_at < now() - make_interval(hours => ?)',
          params: [options.inboxRetentionHours ?? INBOX_RETENTION_DEFAULTS.retentionHours],
        },
      ],
    });
  }

  onApplicationBootstrap(): void {
    this.pruner.start();
  }

  /** Deletes every expired row now; returns how many. */
  prune(): Promise<number> {
    return this.pruner.prune();
  }

  onModuleDestroy(): Promise<void> {
    return this.pruner.stop();
  }
}
