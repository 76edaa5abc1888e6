import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';

export const INBOX_RETENTION_DEFAULTS = {
  retentionHours: 24 * 30,
  pruneEveryMs: 3_600_000,
  pruneBatch: 5_000,
};

/**
 * Keeps `processed_message` (the inbox) from growing forever: every `pruneEveryMs` each
 * replica deletes the rows older than `retentionHours`, `pruneBatch` at a time (short
 * transactions, no long lock), until none is left. Replicas share the work through
 * `skip locked`. A message id is only needed while a copy of its message can still arrive —
 * a redelivery or a republished outbox row comes within minutes; a dead letter replayed by ops
 * later than the window is no longer dropped by the inbox (its handler's own uniqueness
 * checks still apply), so the window is long.
 */
@Injectable()
export class InboxRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InboxRetention.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.options.inboxPruneEveryMs ?? INBOX_RETENTION_DEFAULTS.pruneEveryMs;
    this.timer = setInterval(() => void this.prune().catch(() => undefined), every);
    this.timer.unref();
  }

  /** Deletes every expired row, a batch per transaction; returns how many. */
  prune(): Promise<number> {
    this.running ??= this.pruneAll().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pruneAll(): Promise<number> {
    const hours = this.options.inboxRetentionHours ?? INBOX_RETENTION_DEFAULTS.retentionHours;
    const batch = this.options.inboxPruneBatch ?? INBOX_RETENTION_DEFAULTS.pruneBatch;
    let total = 0;
    try {
      for (;;) {
        const deleted: unknown[] = await this.orm.em.fork().execute(
          `delete from processed_message where ctid = any(array(
             select ctid from processed_message
             where processed_at < now() - make_interval(hours => ?)
             limit ? for update skip locked))
           returning 1`,
          [hours, batch],
        );
        total += deleted.length;
        if (deleted.length < batch || this.stopped) break;
      }
    } catch (err) {
      this.logger.warn(`inbox retention will retry: ${(err as Error).message}`);
    }
    if (total > 0) this.logger.log(`inbox retention deleted ${total} processed-message rows`);
    return total;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}
