import { Logger } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';

/** Rows of one table that may go: `where` is an SQL condition on it, `?` placeholders for `params`. */
export interface PruneRule {
  /** What the rows are, for the log ("processed-message rows"). */
  what: string;
  table: string;
  where: string;
  params: unknown[];
}

export interface BatchedPruneOptions {
  /** Names the job in the log ("inbox retention"). */
  name: string;
  everyMs: number;
  /** Rows deleted per transaction. */
  batch: number;
  /** Run in this order (a child table's rule before its parent's keeps every batch bounded). */
  rules: PruneRule[];
}

/**
 * "Delete the rows that have outlived their use, in batches, every so often": every `everyMs`
 * each replica deletes each rule's rows, `batch` at a time (short transactions, no long lock),
 * until none is left. Replicas share the work through `skip locked`, so running it on one
 * replica or on many is the same. A failure is logged and retried at the next run. Each rule's
 * `where` should be served by an index, so a batch does not scan the whole table.
 */
export class BatchedPrune {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: BatchedPruneOptions,
  ) {
    this.logger = new Logger(options.name);
  }

  /** Runs every `everyMs` from now on; the timer does not keep the process alive. */
  start(): void {
    this.timer = setInterval(() => void this.prune(), this.options.everyMs);
    this.timer.unref();
  }

  /** Deletes every row the rules select, a batch per transaction; returns how many. */
  prune(): Promise<number> {
    this.running ??= this.pruneAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the timer and lets a run under way finish its batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async pruneAll(): Promise<number> {
    let total = 0;
    for (const rule of this.options.rules) {
      try {
        const deleted = await this.pruneRule(rule);
        if (deleted > 0) this.logger.log(`deleted ${deleted} ${rule.what}`);
        total += deleted;
      } catch (err) {
        this.logger.warn(`${rule.what} will be retried: ${(err as Error).message}`);
      }
      if (this.stopped) break;
    }
    return total;
  }

  private async pruneRule(rule: PruneRule): Promise<number> {
    const { batch } = this.options;
    let total = 0;
    for (;;) {
      const [{ n }] = await this.orm.em.fork().execute<{ n: number }[]>(
        `with gone as (
           delete from ${rule.table} where ctid = any(array(
             select ctid from ${rule.table} where ${rule.where}
             limit ? for update skip locked))
           returning 1)
         select count(*)::int as n from gone`,
        [...rule.params, batch],
      );
      total += n;
      if (n < batch || this.stopped) return total;
    }
  }
}
