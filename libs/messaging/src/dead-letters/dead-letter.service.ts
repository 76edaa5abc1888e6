import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import amqplib, {
  type Channel,
  type ChannelModel,
  type ConfirmChannel,
  type GetMessage,
} from 'amqplib';
import { createHash } from 'node:crypto';
import { SERVICES, type ServiceName } from '@glimmer/contracts/contract';
import { DomainError } from '@glimmer/errors/domain-error';
import { CORRELATION_HEADER } from '@glimmer/observability/correlation';
import { MessagingMetrics } from '../messaging.metrics';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';
import { HEADERS, topology } from '../topology';

/** A message parked in a service's dead-letter queue, as ops see it. */
export interface DeadLetter {
  /** The message id (stable across retries and replays); a content hash when it has none. */
  id: string;
  /** The consuming service whose dead-letter queue holds it. */
  service: ServiceName;
  queue: string;
  originalQueue: string;
  pattern: string;
  messageId: string | null;
  correlationId: string | null;
  errorCode: string | null;
  errorDetail: string | null;
  failedAt: string | null;
  retryCount: number;
  headers: Record<string, unknown>;
  payload: unknown;
}

/** At most this many messages are held per queue while looking through it. */
const MAX_SCAN = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_QUEUE_DEPTH_CACHE_MS = 15_000;

/**
 * Lists, replays and discards the messages in every service's `<prefix>.<service>.events.dlq`.
 *
 * A queue cannot be browsed, so each operation takes the queue's messages with basic.get
 * (unacknowledged, so the broker still owns them), acts on the one it wants, and hands the
 * rest back with nack(requeue) — which puts them back in their place. If this process dies
 * mid-way, the broker requeues everything it held: nothing is lost. A replay is published
 * (with a publisher confirm) before its dead letter is acknowledged, so a crash in between
 * leaves a copy in both queues and the consumer's inbox drops the second one (same message
 * id). Operations in one process are serialised; a second replica scanning at the same moment
 * may briefly not see the messages the first one holds (a retried request finds them).
 */
@Injectable()
export class DeadLetterService implements OnApplicationShutdown {
  private readonly logger = new Logger(DeadLetterService.name);
  private connection?: Promise<ChannelModel>;
  private tail: Promise<unknown> = Promise.resolve();
  private cached?: { at: number; depths: Partial<Record<ServiceName, number>> };
  private refreshing?: Promise<Partial<Record<ServiceName, number>>>;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Optional() metrics: MessagingMetrics = new MessagingMetrics(),
  ) {
    const depths = () => this.cachedDepths();
    metrics.registry.gauge({
      name: 'glimmer_dead_letter_queue_depth',
      help: "Messages waiting in each consuming service's dead-letter queue (read at most once per QUEUE_DEPTH_CACHE_MS)",
      labelNames: ['consumer'],
      async collect() {
        try {
          for (const [consumer, depth] of Object.entries(await depths())) {
            this.set({ consumer }, depth);
          }
        } catch {
          // broker unreachable: readiness says so; keep the last values
        }
      },
    });
  }

  /** Every dead letter, oldest first per service (up to MAX_SCAN per queue). */
  list(service?: ServiceName): Promise<DeadLetter[]> {
    return this.serialised(async () => {
      const found: DeadLetter[] = [];
      for (const s of service ? [service] : SERVICES) {
        await this.withQueue(s, async (_ch, held) => {
          found.push(...held.map((m) => this.describe(s, m)));
        });
      }
      return found;
    });
  }

  /**
   * Publishes the dead letter `id` to its original queue (default exchange, same message id,
   * retry count reset) and removes it from the dead-letter queue. One event refused by two
   * consumers is parked in both their queues under one id: `service` picks the copy.
   */
  replay(id: string, service?: ServiceName): Promise<DeadLetter> {
    return this.act(id, service, async (ch, msg, letter) => {
      const headers: Record<string, unknown> = { ...msg.properties.headers };
      for (const key of [
        HEADERS.errorCode,
        HEADERS.errorDetail,
        HEADERS.failedAt,
        HEADERS.originalQueue,
        HEADERS.retryCount,
        HEADERS.redeliveries,
      ]) {
        delete headers[key];
      }
      headers['x-glimmer-replayed-at'] = new Date().toISOString();
      ch.sendToQueue(letter.originalQueue, msg.content, {
        messageId: msg.properties.messageId,
        type: msg.properties.type,
        contentType: msg.properties.contentType,
        timestamp: msg.properties.timestamp,
        persistent: true,
        headers,
      });
      await ch.waitForConfirms();
      this.logger.warn(`replayed dead letter ${id} (${letter.pattern}) to ${letter.originalQueue}`);
    });
  }

  /** Removes the dead letter `id` (of `service`, else the first copy found) for good. */
  discard(id: string, service?: ServiceName): Promise<DeadLetter> {
    return this.act(id, service, async (_ch, _msg, letter) => {
      this.logger.warn(`discarded dead letter ${id} (${letter.pattern}) of ${letter.service}`);
    });
  }

  /**
   * The depths the metrics show: read from the broker at most once per `queueDepthCacheMs`,
   * by one read at a time however many scrapes arrive together (a scrape used to open a
   * channel per service).
   */
  cachedDepths(): Promise<Partial<Record<ServiceName, number>>> {
    const maxAge = this.options.queueDepthCacheMs ?? DEFAULT_QUEUE_DEPTH_CACHE_MS;
    if (this.cached && Date.now() - this.cached.at < maxAge)
      return Promise.resolve(this.cached.depths);
    this.refreshing ??= this.depths()
      .then((depths) => {
        this.cached = { at: Date.now(), depths };
        return depths;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /**
   * Messages ready in each service's dead-letter queue (services without one are left out),
   * read now, on one channel (a missing queue closes it; only then is another opened).
   */
  async depths(): Promise<Partial<Record<ServiceName, number>>> {
    const result: Partial<Record<ServiceName, number>> = {};
    const connection = await this.connect();
    let ch: Channel | undefined;
    for (const service of SERVICES) {
      if (!ch) {
        ch = await connection.createChannel();
        ch.on('error', () => undefined);
      }
      try {
        result[service] = (await ch.checkQueue(this.dlq(service))).messageCount;
      } catch {
        // no such queue: this service consumes no events here (the 404 closed the channel)
        ch = undefined;
      }
    }
    await ch?.close().catch(() => undefined);
    return result;
  }

  private act(
    id: string,
    only: ServiceName | undefined,
    work: (ch: ConfirmChannel, msg: GetMessage, letter: DeadLetter) => Promise<void>,
  ): Promise<DeadLetter> {
    return this.serialised(async () => {
      for (const service of only ? [only] : SERVICES) {
        const letter = await this.withQueue(service, async (ch, held) => {
          const msg = held.find((m) => this.idOf(m) === id);
          if (!msg) return undefined;
          const described = this.describe(service, msg);
          await work(ch, msg, described);
          ch.ack(msg);
          return described;
        });
        if (letter) return letter;
      }
      throw new DomainError('not_found', `No dead letter ${id}`);
    });
  }

  /**
   * Holds every message of one service's dead-letter queue while `fn` runs, then hands back
   * the ones `fn` did not acknowledge. Undefined when the queue does not exist.
   */
  private async withQueue<T>(
    service: ServiceName,
    fn: (ch: ConfirmChannel, held: GetMessage[]) => Promise<T>,
  ): Promise<T | undefined> {
    const connection = await this.connect();
    const ch = await connection.createConfirmChannel();
    ch.on('error', () => undefined);
    const queue = this.dlq(service);
    try {
      await ch.checkQueue(queue);
    } catch {
      return undefined; // the 404 closed the channel
    }
    try {
      const held: GetMessage[] = [];
      while (held.length < MAX_SCAN) {
        const msg = await ch.get(queue, { noAck: false });
        if (!msg) break;
        held.push(msg);
      }
      return await fn(ch, held);
    } finally {
      // Everything still held goes back to the queue, in its place.
      try {
        ch.nackAll(true);
        await ch.close();
      } catch {
        // a closed channel requeues what it held by itself
      }
    }
  }

  private describe(service: ServiceName, msg: GetMessage): DeadLetter {
    const headers = (msg.properties.headers ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (v === undefined || v === null ? null : String(v));
    let payload: unknown;
    try {
      payload = JSON.parse(msg.content.toString('utf8'));
    } catch {
      payload = msg.content.toString('utf8');
    }
    return {
      id: this.idOf(msg),
      service,
      queue: this.dlq(service),
      originalQueue: this.originalQueue(service, headers[HEADERS.originalQueue]),
      pattern: String(msg.properties.type ?? ''),
      messageId: str(msg.properties.messageId),
      correlationId: str(headers[CORRELATION_HEADER]),
      errorCode: str(headers[HEADERS.errorCode]),
      errorDetail: str(headers[HEADERS.errorDetail]),
      failedAt: str(headers[HEADERS.failedAt]),
      retryCount: Number(headers[HEADERS.retryCount] ?? 0),
      headers,
      payload,
    };
  }

  /** Only another service's event queue of this environment is a valid target. */
  private originalQueue(service: ServiceName, header: unknown): string {
    const known = SERVICES.map((s) => topology.eventQueue(this.options.prefix, s));
    return typeof header === 'string' && known.includes(header)
      ? header
      : topology.eventQueue(this.options.prefix, service);
  }

  private idOf(msg: GetMessage): string {
    const id = msg.properties.messageId as unknown;
    if (typeof id === 'string' && id) return id;
    return createHash('sha256')
      .update(msg.content)
      .update(String(msg.properties.headers?.[HEADERS.failedAt] ?? ''))
      .digest('hex')
      .slice(0, 32);
  }

  private dlq(service: ServiceName): string {
    return topology.deadLetterQueue(this.options.prefix, service);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private connect(): Promise<ChannelModel> {
    if (!this.connection) {
      const connecting = amqplib
        .connect(this.options.url, {
          timeout: CONNECT_TIMEOUT_MS,
          clientProperties: { connection_name: `glimmer-${this.options.service}-dead-letters` },
        })
        .then((c) => {
          const forget = () => {
            if (this.connection === connecting) this.connection = undefined;
          };
          c.on('error', forget);
          c.on('close', forget);
          return c;
        });
      connecting.catch(() => {
        if (this.connection === connecting) this.connection = undefined;
      });
      this.connection = connecting;
    }
    return this.connection.catch((err: Error) => {
      throw new DomainError(
        'dependency_unavailable',
        `the message broker is unreachable: ${err.message}`,
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    await connection?.close().catch(() => undefined);
  }
}
