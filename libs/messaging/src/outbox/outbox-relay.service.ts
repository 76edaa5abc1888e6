import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { ChannelWrapper } from 'amqp-connection-manager';
import { Client } from 'pg';
import { schemaForMessaging } from '../schema';
import { AmqpConnection } from '../amqp-connection';
import { encode, JSON_CONTENT } from '../envelope';
import { MessagingMetrics } from '../messaging.metrics';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';
import { topology } from '../topology';
import { outboxChannel } from './outbox.sql';

const BATCH = 200;
const KEEP_PUBLISHED_FOR = '7 days';

interface OutboxRow {
  id: string;
  pattern: string;
  payload: unknown;
  headers: Record<string, unknown>;
  created_at: string;
}

/**
 * Publishes committed outbox rows with publisher confirms, then marks them published. It wakes
 * on the commit's NOTIFY and also polls, so a lost notification only delays. Replicas share
 * the work through `for update skip locked`.
 *
 * Batched: up to BATCH rows are published back to back on the confirm channel (the channel
 * wrapper writes them without waiting for each other) and the relay waits once for all of
 * their confirms; only then is the batch marked published, in one update. A row is therefore
 * marked only after the broker has taken responsibility for it. A crash (or a nack, or a lost
 * connection) between publish and mark leaves the batch unmarked, so it is published again:
 * consumers de-duplicate by message id in their inbox (the message id is the row id).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private channel: ChannelWrapper;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;
  private stopped = false;
  private lastPrune = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly connection: AmqpConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Optional() private readonly metrics: MessagingMetrics = new MessagingMetrics(),
  ) {
    const lagMs = () => this.lagMs();
    metrics.registry.gauge({
      name: 'glimmer_outbox_lag_seconds',
      help: 'Age of the oldest unpublished outbox event (0 when none waits); read on scrape',
      async collect() {
        try {
          this.set((await lagMs()) / 1000);
        } catch {
          // database unreachable: readiness says so; keep the last value
        }
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.relayEnabled) {
      this.logger.warn(
        'outbox relay is off in this replica (OUTBOX_RELAY=off): events wait in the outbox',
      );
      this.stopped = true;
      return;
    }
    this.channel = this.connection.createChannel('outbox-relay', async (ch) => {
      await ch.assertExchange(topology.eventsExchange(this.options.prefix), 'topic', {
        durable: true,
      });
    });
    await this.listen();
    this.schedule();
    this.wake();
  }

  private async listen(): Promise<void> {
    const schema = schemaForMessaging(this.options);
    const client = new Client({
      connectionString: this.options.databaseUrl,
      options: `-c search_path=${schema}`,
    });
    client.on('notification', () => this.wake());
    client.on('error', (err) => {
      this.logger.warn(
        `outbox listener lost its connection (${err.message}); polling until it is back`,
      );
      this.listener = undefined;
    });
    try {
      await client.connect();
      await client.query(`listen "${outboxChannel(this.options.prefix, this.options.service)}"`);
      this.listener = client;
    } catch (err) {
      this.logger.warn(`outbox listener unavailable (${(err as Error).message}); polling only`);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), this.options.outboxPollMs);
  }

  /** One poll: reconnect the listener if it was lost, drain, then schedule the next poll. */
  private async poll(): Promise<void> {
    if (!this.listener) await this.listen().catch(() => undefined);
    this.wake();
    await this.draining;
    this.schedule();
  }

  /** Drains the outbox now; a wake during a drain makes it go round once more. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    try {
      let published: number;
      do {
        this.again = false;
        published = await this.publishBatch();
      } while (!this.stopped && (published === BATCH || this.again));
      await this.prune();
    } catch (err) {
      this.logger.warn(`outbox relay will retry: ${(err as Error).message}`);
    }
  }

  /** Publishes up to BATCH rows; returns how many. */
  async publishBatch(): Promise<number> {
    if (!this.connection.isConnected) return 0;
    const exchange = topology.eventsExchange(this.options.prefix);
    return this.orm.em.fork().transactional(async (em) => {
      const rows: OutboxRow[] = await em.execute(
        `select id, pattern, payload, headers, created_at from outbox_message
         where published_at is null order by seq limit ${BATCH} for update skip locked`,
      );
      if (rows.length === 0) return 0;
      await Promise.all(
        rows.map((row) =>
          this.channel.publish(exchange, row.pattern, encode(row.payload), {
            messageId: row.id,
            type: row.pattern,
            contentType: JSON_CONTENT,
            persistent: true,
            timestamp: Math.floor(Date.parse(row.created_at) / 1000),
            headers: row.headers,
          }),
        ),
      );
      // knex expands an array binding into a list: `in (?)` becomes `in ($1, $2, ...)`.
      await em.execute(`update outbox_message set published_at = now() where id in (?)`, [
        rows.map((r) => r.id),
      ]);
      this.metrics.outboxPublished.inc(rows.length);
      return rows.length;
    });
  }

  /** How old the oldest unpublished event is, in ms (0 when none waits). */
  async lagMs(): Promise<number> {
    const [row] = await this.orm.em
      .fork()
      .execute<{ lag: string | null }[]>(
        `select extract(epoch from now() - min(created_at)) * 1000 as lag from outbox_message where published_at is null`,
      );
    return row?.lag ? Math.round(Number(row.lag)) : 0;
  }

  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    await this.orm.em
      .fork()
      .execute(
        `delete from outbox_message where published_at < now() - interval '${KEEP_PUBLISHED_FOR}'`,
      );
  }

  /** Stops before MikroORM closes its pool (on application shutdown), so no poll waits on it. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
  }
}
