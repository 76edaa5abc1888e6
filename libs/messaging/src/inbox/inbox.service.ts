import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GroupCommit } from '@glimmer/database/group-commit';
import type { AmqpContext } from '../amqp.context';
import { MessagingMetrics } from '../messaging.metrics';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';

export type InboxResult<T> = { duplicate: false; value: T } | { duplicate: true };

/** The most messages of one consumer handled in one inbox transaction. */
export const DEFAULT_INBOX_BATCH_MAX = 100;
/** Inbox transactions of one consumer that may run at once (each holds a pool connection). */
export const DEFAULT_INBOX_BATCHES_IN_FLIGHT = 4;

/**
 * Runs a consumer's work at most once per message: the message id is recorded in the same
 * transaction as the work, so a redelivered or republished message finds its row and is
 * skipped, and a crash before commit leaves neither the work nor the row.
 *
 * Batched through the one group commit (`@glimmer/database/group-commit`): the messages of one
 * consumer that arrive together (the broker hands a consumer up to `prefetch` at once) run in
 * one PostgreSQL transaction and share one commit — one WAL flush per batch instead of per
 * message. If a message's work throws, the batch runs again with a savepoint per message: that
 * one rolls back to its savepoint (its work and its inbox row with it) and its caller gets the
 * error, so the transport retries or dead-letters that message alone; its neighbours carry
 * on. Every caller is answered only after the commit, so a message is acknowledged only once
 * its work is durable. If the commit itself fails, nothing of the batch committed and each
 * message runs again in a transaction of its own. A process killed mid-batch committed nothing
 * of it: the broker redelivers every unacknowledged message and the inbox rows decide what ran.
 * A message id twice in one batch: the second insert sees the first's row (same transaction)
 * and is a duplicate — unless the first rolled back to its savepoint, in which case the second
 * runs the work (and the first's retry then finds the row).
 *
 * The inbox rows of a batch are inserted in the order the messages arrived; two concurrent
 * batches holding the same message ids in opposite orders would deadlock, PostgreSQL aborts
 * one statement, that item rolls back to its savepoint and is retried like any failure.
 */
@Injectable()
export class InboxService {
  duplicatesDropped = 0;
  /** Inbox transactions committed (for tests). */
  batchesCommitted = 0;
  /** One group commit per consumer: a batch holds one consumer's messages. */
  private readonly lanes = new Map<string, GroupCommit>();
  private readonly batchMax: number;
  private readonly batchesInFlight: number;

  constructor(
    private readonly orm: MikroORM,
    @Optional() private readonly metrics: MessagingMetrics = new MessagingMetrics(),
    @Optional() @Inject(MESSAGING_OPTIONS) options?: MessagingOptions,
  ) {
    this.batchMax = Math.max(1, options?.inboxBatchMax ?? DEFAULT_INBOX_BATCH_MAX);
    this.batchesInFlight = Math.max(
      1,
      options?.inboxBatchesInFlight ?? DEFAULT_INBOX_BATCHES_IN_FLIGHT,
    );
  }

  async runOnce<T>(
    consumer: string,
    ctx: AmqpContext | string,
    work: (em: EntityManager) => Promise<T>,
    lockNames: readonly string[] = [],
  ): Promise<InboxResult<T>> {
    const messageId = typeof ctx === 'string' ? ctx : ctx.messageId;
    const result = await this.lane(consumer).run<InboxResult<T>>({
      lockNames,
      run: async (em) => {
        if (!(await this.claim(em, consumer, messageId))) return { duplicate: true };
        return { duplicate: false, value: await work(em) };
      },
    });
    if (result.duplicate) {
      this.duplicatesDropped += 1;
      this.metrics.inboxDuplicates.inc({ consumer });
    }
    return result;
  }

  /**
   * The transport validates each payload asynchronously, so a delivery burst reaches here over
   * a few ticks: the first message waits a millisecond for the rest of it. While all of a
   * consumer's transactions are busy, messages gather and go together as soon as one finishes.
   */
  private lane(consumer: string): GroupCommit {
    let lane = this.lanes.get(consumer);
    if (!lane) {
      lane = new GroupCommit(this.orm, {
        windowMs: 1,
        maxBatch: this.batchMax,
        maxInFlight: this.batchesInFlight,
        onBatch: (size, outcome) => {
          if (outcome !== 'committed') return;
          this.batchesCommitted += 1;
          this.metrics.inboxBatchSize.observe({ consumer }, size);
        },
      });
      this.lanes.set(consumer, lane);
    }
    return lane;
  }

  /** Records the message id; false when it is already recorded (a repeat). */
  private async claim(em: EntityManager, consumer: string, messageId: string): Promise<boolean> {
    const inserted: unknown[] = await em.execute(
      `insert into processed_message (consumer, message_id) values (?, ?)
       on conflict do nothing returning message_id`,
      [consumer, messageId],
    );
    return inserted.length > 0;
  }
}
