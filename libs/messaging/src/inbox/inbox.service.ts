import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { AmqpContext } from '../amqp.context';
import { MessagingMetrics } from '../messaging.metrics';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';

export type InboxResult<T> = { duplicate: false; value: T } | { duplicate: true };

/** The most messages of one consumer handled in one inbox transaction. */
export const DEFAULT_INBOX_BATCH_MAX = 100;
/** Inbox transactions of one consumer that may run at once (each holds a pool connection). */
export const DEFAULT_INBOX_BATCHES_IN_FLIGHT = 4;

interface Item {
  messageId: string;
  work: (em: EntityManager) => Promise<unknown>;
  resolve(result: InboxResult<unknown>): void;
  reject(err: unknown): void;
}

type Outcome = { ok: true; result: InboxResult<unknown> } | { ok: false; error: unknown };

/** The messages of one consumer waiting for a transaction, and its transactions in flight. */
interface Lane {
  waiting: Item[];
  inFlight: number;
  scheduled: boolean;
}

/**
 * Runs a consumer's work at most once per message: the message id is recorded in the same
 * transaction as the work, so a redelivered or republished message finds its row and is
 * skipped, and a crash before commit leaves neither the work nor the row.
 *
 * Batched: the messages of one consumer that arrive together (the broker hands a consumer up
 * to `prefetch` at once) run in one PostgreSQL transaction, each under its own savepoint, and
 * share one commit — one WAL flush per batch instead of per message. A message whose work
 * throws rolls back to its savepoint (its work and its inbox row with it) and its caller gets
 * the error, so the transport retries or dead-letters that message alone; its neighbours carry
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
  /** Inbox transactions committed and the messages they held (for tests and metrics). */
  batchesCommitted = 0;
  private readonly lanes = new Map<string, Lane>();
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

  runOnce<T>(
    consumer: string,
    ctx: AmqpContext | string,
    work: (em: EntityManager) => Promise<T>,
  ): Promise<InboxResult<T>> {
    const messageId = typeof ctx === 'string' ? ctx : ctx.messageId;
    return new Promise<InboxResult<T>>((resolve, reject) => {
      const lane = this.lane(consumer);
      lane.waiting.push({
        messageId,
        work,
        resolve: resolve as (result: InboxResult<unknown>) => void,
        reject,
      });
      this.schedule(consumer, lane);
    });
  }

  private lane(consumer: string): Lane {
    let lane = this.lanes.get(consumer);
    if (!lane) {
      lane = { waiting: [], inFlight: 0, scheduled: false };
      this.lanes.set(consumer, lane);
    }
    return lane;
  }

  /**
   * A full batch goes at once; otherwise the first message waits for the rest of its delivery
   * burst until the next turn of the event loop (the transport validates each payload
   * asynchronously, so a burst reaches here over a few ticks). While all of a consumer's
   * transactions are busy, messages gather and go together as soon as one finishes.
   */
  private schedule(consumer: string, lane: Lane): void {
    if (lane.inFlight >= this.batchesInFlight || lane.waiting.length === 0) return;
    if (lane.waiting.length >= this.batchMax) return this.flush(consumer, lane);
    if (lane.scheduled) return;
    lane.scheduled = true;
    setImmediate(() => setImmediate(() => this.flush(consumer, lane)));
  }

  private flush(consumer: string, lane: Lane): void {
    lane.scheduled = false;
    while (lane.inFlight < this.batchesInFlight && lane.waiting.length > 0) {
      const batch = lane.waiting.splice(0, this.batchMax);
      lane.inFlight += 1;
      void this.settle(consumer, batch).finally(() => {
        lane.inFlight -= 1;
        this.schedule(consumer, lane);
      });
    }
  }

  private async settle(consumer: string, batch: Item[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.transaction(consumer, batch);
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      // The commit (or the connection) failed: nothing of the batch committed; each runs alone.
      await Promise.all(batch.map((item) => this.settle(consumer, [item])));
      return;
    }
    this.batchesCommitted += 1;
    this.metrics.inboxBatchSize.observe({ consumer }, batch.length);
    outcomes.forEach((outcome, i) => {
      if (!outcome.ok) return batch[i].reject(outcome.error);
      if (outcome.result.duplicate) {
        this.duplicatesDropped += 1;
        this.metrics.inboxDuplicates.inc({ consumer });
      }
      batch[i].resolve(outcome.result);
    });
  }

  private transaction(consumer: string, batch: Item[]): Promise<Outcome[]> {
    return this.orm.em.fork().transactional(async (em) => {
      if (batch.length === 1) return [await this.runAlone(em, consumer, batch[0])];
      const outcomes: Outcome[] = [];
      for (const item of batch) outcomes.push(await this.runItem(em, consumer, item));
      return outcomes;
    });
  }

  /** A batch of one needs no savepoint: its failure rolls back the whole transaction. */
  private async runAlone(em: EntityManager, consumer: string, item: Item): Promise<Outcome> {
    if (!(await this.claim(em, consumer, item.messageId))) {
      return { ok: true, result: { duplicate: true } };
    }
    return { ok: true, result: { duplicate: false, value: await item.work(em) } };
  }

  /** One message under its savepoint, on its own fork (its own identity map) of the transaction. */
  private async runItem(em: EntityManager, consumer: string, item: Item): Promise<Outcome> {
    const itemEm = em.fork({ keepTransactionContext: true, clear: true });
    await em.execute('savepoint inbox_item');
    try {
      if (!(await this.claim(itemEm, consumer, item.messageId))) {
        await em.execute('release savepoint inbox_item');
        return { ok: true, result: { duplicate: true } };
      }
      const value = await item.work(itemEm);
      await itemEm.flush();
      await em.execute('release savepoint inbox_item');
      return { ok: true, result: { duplicate: false, value } };
    } catch (error) {
      // A failed rollback (a lost connection) fails the batch, whose messages then run alone.
      await em.execute('rollback to savepoint inbox_item');
      return { ok: false, error };
    }
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
