import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { lockIdempotencyNames } from './idempotent-command';

/** PostgreSQL's SQLSTATE for a transaction chosen as a deadlock's victim. */
const DEADLOCK_DETECTED = '40P01';
const MAX_DEADLOCK_RETRIES = 3;

/** One caller's work in a batch: its own fork of the transaction, its own answer. */
export interface GroupCommitWork<R> {
  /**
   * Advisory locks the work needs (an Idempotency-Key's lock name): the batch takes all of its
   * items' names, sorted, before any row lock, as a lone transaction takes its one name first.
   */
  lockNames?: readonly string[];
  /** Rows the work will lock, known before it runs (ledger account ids): locked up front in id order. */
  lockRows?: readonly string[];
  /** Runs inside the batch's transaction, under the item's savepoint; `em` is the item's own. */
  run(em: EntityManager): Promise<R>;
}

/**
 * committed; isolated (an item failed in the run without savepoints, so the batch runs again
 * with one per item); rolled_back (a batch of one whose item threw); failed (a batch of several
 * whose transaction failed as a whole, so each item runs again alone).
 */
export type BatchOutcome = 'committed' | 'isolated' | 'rolled_back' | 'failed';

export interface GroupCommitOptions {
  /** How long the first item of a batch waits for company, in ms (0: the same tick only). */
  windowMs: number;
  /** The most items in one transaction. */
  maxBatch: number;
  /** Batches that may run at once, each on its own connection. */
  maxInFlight: number;
  /** Locks the rows the batch's items named (`lockRows`), in one global order. */
  lockRows?: (em: EntityManager, ids: string[]) => Promise<void>;
  /** Told each batch's size and outcome before its callers are answered (metrics). */
  onBatch?: (size: number, outcome: BatchOutcome) => void;
}

interface Pending {
  work: GroupCommitWork<unknown>;
  /** Runs so far that PostgreSQL aborted as a deadlock victim. */
  deadlocks: number;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** An item's own failure in a batch run without savepoints (not the transaction's). */
class ItemFailed extends Error {
  constructor(readonly error: unknown) {
    super('an item of the batch failed');
  }
}

/** The locks an item's batch will take, as keys that cannot collide between the two kinds. */
function lockKeys(item: Pending): string[] {
  return [
    ...(item.work.lockNames ?? []).map((name) => `name:${name}`),
    ...(item.work.lockRows ?? []).map((id) => `row:${id}`),
  ];
}

/**
 * Group commit: units of work that arrive together run in one database transaction and share
 * one commit — one WAL flush and one acquisition of each row lock per batch instead of per
 * request. A batch runs first without savepoints; if an item throws, nothing of it commits and
 * the batch runs again with a savepoint per item, where the item that throws rolls back to its
 * savepoint and gets its error while its neighbours carry on (failures are the exception, so
 * the two round trips of a savepoint are paid only then). Every caller is answered only after
 * the commit, so an answer always describes committed state; if the commit (or the batch
 * itself) fails, each item runs again alone, so one poisonous item cannot fail the others.
 *
 * Deadlock-free across concurrent batches (and against lone transactions that follow the same
 * order): a batch takes every item's advisory locks, sorted, then every named row lock in id
 * order, before any item runs. Items must be safe to run twice (they are re-run after a failed
 * commit): in practice each is an idempotent command whose effects live only in the
 * transaction.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private inFlight = 0;
  /** Lock keys (advisory names, row ids) of the running batches, with how many hold each. */
  private readonly held = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: GroupCommitOptions,
  ) {}

  run<R>(work: GroupCommitWork<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({
        work,
        deadlocks: 0,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.schedule();
    });
  }

  /** Items still waiting for a batch (for shutdown and tests). */
  get waiting(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return;
    if (this.queue.length >= this.options.maxBatch) return this.flush();
    if (this.timer) return;
    const fire = () => {
      this.timer = undefined;
      this.flush();
    };
    this.timer =
      this.options.windowMs > 0
        ? setTimeout(fire, this.options.windowMs)
        : (setImmediate(fire) as unknown as NodeJS.Timeout);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      // Everything waiting needs a lock a running batch holds: it goes when that batch is done.
      if (batch.length === 0) return;
      const keys = batch.flatMap(lockKeys);
      for (const key of keys) this.held.set(key, (this.held.get(key) ?? 0) + 1);
      this.inFlight++;
      void this.settle(batch).finally(() => {
        for (const key of keys) {
          const left = this.held.get(key)! - 1;
          if (left === 0) this.held.delete(key);
          else this.held.set(key, left);
        }
        this.inFlight--;
        // Whatever queued while this batch ran has waited long enough: it goes at once.
        if (this.queue.length > 0) this.flush();
      });
    }
  }

  /**
   * The oldest waiting items, up to maxBatch, that need no lock a running batch holds. An item
   * that would only wait for another batch's row stays queued and joins the next batch for that
   * row: a hot account gets one big batch at a time instead of several that queue on its lock
   * (each holding the connection and its other locks), and batches on other accounts run beside it.
   */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const item of this.queue) {
      const free =
        batch.length < this.options.maxBatch && !lockKeys(item).some((k) => this.held.has(k));
      (free ? batch : rest).push(item);
    }
    this.queue = rest;
    return batch;
  }

  private async settle(batch: Pending[], isolated = false): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.transaction(batch, isolated);
      this.options.onBatch?.(batch.length, 'committed');
    } catch (thrown) {
      if (thrown instanceof ItemFailed && !isolated) {
        // An item failed in the run without savepoints: nothing committed, and the batch runs
        // again with a savepoint per item, so that item fails alone.
        this.options.onBatch?.(batch.length, 'isolated');
        return this.settle(batch, true);
      }
      const err = thrown instanceof ItemFailed ? thrown.error : thrown;
      this.options.onBatch?.(batch.length, batch.length === 1 ? 'rolled_back' : 'failed');
      if (batch.length === 1) {
        if (this.retryDeadlock(batch[0], err)) return this.settle(batch);
        batch[0].reject(err);
        return;
      }
      // Nothing of the batch committed: each item runs again on its own.
      await Promise.all(batch.map((item) => this.settle([item])));
      return;
    }
    const again: Pending[] = [];
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) batch[i].resolve(outcome.value);
      else if (this.retryDeadlock(batch[i], outcome.error)) again.push(batch[i]);
      else batch[i].reject(outcome.error);
    });
    await Promise.all(again.map((item) => this.settle([item])));
  }

  /**
   * A deadlock victim ran nothing (PostgreSQL rolled its statement back): it runs again. The
   * up-front locks make deadlocks rare, but an account an item could not name before its
   * transaction (a brand's first settlement account, made by a concurrent batch meanwhile) is
   * locked late, out of the global order.
   */
  private retryDeadlock(item: Pending, err: unknown): boolean {
    if ((err as { code?: string } | undefined)?.code !== DEADLOCK_DETECTED) return false;
    item.deadlocks += 1;
    return item.deadlocks <= MAX_DEADLOCK_RETRIES;
  }

  /**
   * The batch in one transaction. First without savepoints (two round trips an item saved): any
   * item's failure aborts the run as ItemFailed. Once that happened, `isolated` runs each item
   * under its own savepoint. A batch of one never needs one: its failure rolls back the whole
   * transaction, and settle() gives that caller the error.
   */
  private transaction(batch: Pending[], isolated: boolean): Promise<Outcome[]> {
    return this.orm.em.fork().transactional(async (em) => {
      const names = [...new Set(batch.flatMap((item) => item.work.lockNames ?? []))].sort();
      if (names.length > 0) await lockIdempotencyNames(em, names);
      const rows = [...new Set(batch.flatMap((item) => item.work.lockRows ?? []))].sort();
      if (rows.length > 0 && this.options.lockRows) await this.options.lockRows(em, rows);
      if (batch.length === 1) return [{ ok: true, value: await batch[0].work.run(em) }];
      const outcomes: Outcome[] = [];
      for (const item of batch) {
        outcomes.push(
          isolated ? await this.runItem(em, item.work) : await this.runBare(em, item.work),
        );
      }
      return outcomes;
    });
  }

  /** One item on its own fork of the transaction, no savepoint: a failure aborts the batch. */
  private async runBare(em: EntityManager, work: GroupCommitWork<unknown>): Promise<Outcome> {
    const itemEm = em.fork({ keepTransactionContext: true, clear: true });
    try {
      const value = await work.run(itemEm);
      await itemEm.flush();
      return { ok: true, value };
    } catch (error) {
      throw new ItemFailed(error);
    }
  }

  /** One item under its savepoint, on its own fork (its own identity map) of the transaction. */
  private async runItem(em: EntityManager, work: GroupCommitWork<unknown>): Promise<Outcome> {
    const itemEm = em.fork({ keepTransactionContext: true, clear: true });
    await em.execute('savepoint group_commit_item');
    try {
      const value = await work.run(itemEm);
      await itemEm.flush();
      await em.execute('release savepoint group_commit_item');
      return { ok: true, value };
    } catch (error) {
      // A failure of the rollback itself (a lost connection) fails the batch, which re-runs alone.
      await em.execute('rollback to savepoint group_commit_item');
      return { ok: false, error };
    }
  }
}
