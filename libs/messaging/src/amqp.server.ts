import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { ChannelWrapper } from 'amqp-connection-manager';
import type { ConsumeMessage } from 'amqplib';
import { lastValueFrom, Observable } from 'rxjs';
import { rpcContractsServedBy } from '@glimmer/contracts/registry';
import { DomainError, SerializedError } from '@glimmer/errors/domain-error';
import { toDomainError } from '@glimmer/errors/to-domain-error';
import { CORRELATION_HEADER, withCorrelation } from '@glimmer/observability/correlation';
import { AmqpConnection } from './amqp-connection';
import { AmqpContext } from './amqp.context';
import { assertServiceTopology, subscribedPatterns } from './broker-setup';
import { encode, isSerializedError, JSON_CONTENT, RpcReply } from './envelope';
import type { HandlerExtras } from './handlers';
import { MessagingMetrics } from './messaging.metrics';
import { HEADERS, topology } from './topology';

interface Registration {
  event: boolean;
  /** `Class.method` for `@OnRpc`/`@OnEvent` handlers. */
  name: string;
  /** The `@OnEvent` consumer id. */
  consumer?: string;
}

/** How many unsettled deliveries of one event are tolerated before it is dead-lettered. */
export const DEFAULT_MAX_REDELIVERIES = 5;
export const DELIVERY_LIMIT_CODE = 'delivery_limit_exceeded';

/**
 * Nest transport that serves `@MessagePattern` (RPC) and `@EventPattern` (events) handlers
 * from the service's own queues. Every message is acknowledged only after its handler
 * finished (so after its database commit). A failed event is retried through the retry queue
 * a bounded number of times, then parked in the dead-letter queue with the error; a client
 * error (4xx) is parked at once, since retrying it cannot help.
 */
export class AmqpServer extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(AmqpServer.name);
  private channel?: ChannelWrapper;
  private readonly inFlight = new Set<Promise<void>>();
  private generation = 0;
  /** Every handler Nest registered, per pattern: Nest keeps one RPC handler and chains events. */
  private readonly registered = new Map<string, Registration[]>();

  /** `subscriptions` overrides the SUBSCRIPTIONS row (for the messaging library's own tests). */
  constructor(
    private readonly connection: AmqpConnection,
    private readonly subscriptions: readonly string[] = subscribedPatterns(
      connection.options.service,
    ),
    private readonly metrics: MessagingMetrics = new MessagingMetrics(),
  ) {
    super();
  }

  listen(callback: (err?: unknown) => void): void {
    this.start().then(() => callback(), callback);
  }

  private async start(): Promise<void> {
    this.assertHandlersMatchSubscriptions();
    const { service, prefix, prefetch } = this.connection.options;
    this.channel = this.connection.createChannel('server', async (ch) => {
      this.generation += 1; // a new underlying channel: earlier deliveries are requeued by the broker
      await assertServiceTopology(ch, service, { prefix }, this.subscriptions);
      await ch.prefetch(prefetch);
    });
    await this.channel.waitForConnect();
    // Consumers go through the wrapper (not the raw channel in the setup): it re-creates them
    // after a reconnect, and only consumers it knows are cancelled by cancelAll() on shutdown.
    await this.channel.consume(topology.rpcQueue(prefix, service), (m) => this.track(m, 'rpc'), {
      noAck: false,
    });
    await this.channel.consume(
      topology.eventQueue(prefix, service),
      (m) => this.track(m, 'event'),
      { noAck: false },
    );
  }

  /**
   * Called by Nest once per handler method (`@OnRpc`/`@OnEvent`, or the plain `@MessagePattern`
   * / `@EventPattern`). Nest itself would silently keep only the last RPC handler of a pattern
   * and chain event handlers (of which AmqpServer calls one); every registration is counted so
   * the start-up check can refuse a second one.
   */
  override addHandler(
    pattern: unknown,
    callback: ((...args: unknown[]) => Promise<Observable<unknown>>) & { isEventHandler?: boolean },
    isEventHandler = false,
    extras: Record<string, unknown> = {},
  ): void {
    const key = this.normalizePattern(pattern as string);
    const { glimmerHandler, glimmerConsumer } = extras as Partial<HandlerExtras>;
    this.registered.set(key, [
      ...(this.registered.get(key) ?? []),
      { event: isEventHandler, name: glimmerHandler ?? 'a handler', consumer: glimmerConsumer },
    ]);
    super.addHandler(pattern, callback as never, isEventHandler, extras);
  }

  /**
   * The service must serve exactly what it owns: every RPC whose contract names it (or the
   * `servedRpcs` override) by exactly one handler, every event of its SUBSCRIPTIONS row by
   * exactly one handler per consumer, and nothing else. An RPC without a handler would answer
   * not_found, an event without one would dead-letter, a handler for anything else would never
   * be called, a second RPC handler would be silently dropped by Nest, and two handlers of one
   * event under one consumer id (or undeclared, old-style) are a copy, not a second consumer.
   */
  private assertHandlersMatchSubscriptions(): void {
    const { service, servedRpcs } = this.connection.options;
    const rpcs = new Set(servedRpcs ?? rpcContractsServedBy(service).map((c) => c.pattern));
    const events = new Set(this.subscriptions);
    const problems: string[] = [];
    for (const [pattern, handlers] of this.registered) {
      const names = handlers.map((h) => h.name).join(', ');
      const event = handlers[0].event;
      if (handlers.some((h) => h.event !== event)) {
        problems.push(`${pattern} is handled both as an RPC and as an event (${names})`);
      } else if (!event && handlers.length > 1) {
        problems.push(`${pattern} has ${handlers.length} handlers (${names})`);
      } else if (event && handlers.length > 1) {
        const consumers = handlers.map((h) => h.consumer);
        if (consumers.includes(undefined) || new Set(consumers).size < consumers.length) {
          problems.push(
            `${pattern} has ${handlers.length} handlers (${names}); several handlers of one event must each be an @OnEvent with its own consumer`,
          );
        }
      }
      if (!(event ? events : rpcs).has(pattern)) {
        problems.push(
          event
            ? `${pattern} is handled (${names}) but not in SUBSCRIPTIONS`
            : `${pattern} is handled (${names}) but is not an RPC of ${service} in the registry`,
        );
      }
    }
    const handled = (pattern: string, event: boolean) =>
      this.registered.get(pattern)?.some((h) => h.event === event) ?? false;
    for (const pattern of rpcs) {
      if (!handled(pattern, false)) problems.push(`RPC ${pattern} has no handler`);
    }
    for (const pattern of events) {
      if (!handled(pattern, true)) problems.push(`event ${pattern} (SUBSCRIPTIONS) has no handler`);
    }
    if (problems.length) {
      throw new Error(`${service} refuses to start: ${problems.join('; ')}`);
    }
  }

  /**
   * A delivery tag belongs to the channel that delivered it. After a reconnect the broker has
   * already requeued that message (the inbox drops the repeat), and acking the old tag on the
   * new channel would make the broker close it.
   */
  private ack(msg: ConsumeMessage, generation: number): void {
    if (generation === this.generation) this.channel!.ack(msg);
  }

  private track(msg: ConsumeMessage | null, kind: 'rpc' | 'event'): void {
    if (!msg) return;
    const generation = this.generation;
    const work = (
      kind === 'rpc' ? this.handleRpc(msg, generation) : this.handleEventMessage(msg, generation)
    ).catch((err: Error) =>
      this.logger.error(`could not settle a ${kind} message: ${err.message}`),
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async invoke(msg: ConsumeMessage): Promise<unknown> {
    const pattern = String(msg.properties.type ?? '');
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) throw new DomainError('not_found', `no handler for ${pattern || '(no type)'}`);
    let data: unknown;
    try {
      data = JSON.parse(msg.content.toString('utf8'));
    } catch {
      throw new DomainError('malformed_json', `the ${pattern} message is not valid JSON`);
    }
    const ctx = new AmqpContext([msg, pattern]);
    return lastValueFrom(this.transformToObservable(await handler(data, ctx)), {
      defaultValue: undefined,
    });
  }

  private correlationOf(msg: ConsumeMessage): string | undefined {
    const value = msg.properties.headers?.[CORRELATION_HEADER];
    return typeof value === 'string' ? value : undefined;
  }

  private async handleRpc(msg: ConsumeMessage, generation: number): Promise<void> {
    await withCorrelation(this.correlationOf(msg), async () => {
      const pattern = String(msg.properties.type ?? '');
      const stop = this.metrics.rpcServerDuration.startTimer({ pattern });
      let reply: RpcReply;
      try {
        reply = { ok: true, data: (await this.invoke(msg)) ?? null };
      } catch (err) {
        reply = { ok: false, error: this.serialize(err, msg) };
      }
      const outcome = reply.ok ? 'ok' : reply.error.code;
      const seconds = stop({ outcome });
      if (!reply.ok) this.metrics.rpcServerErrors.inc({ pattern, code: outcome });
      this.logger.debug(`rpc ${pattern} answered ${outcome} in ${Math.round(seconds * 1000)} ms`);
      const { replyTo, correlationId } = msg.properties;
      if (replyTo) {
        await this.channel!.sendToQueue(replyTo, encode(reply), {
          correlationId,
          contentType: JSON_CONTENT,
        });
      }
      this.ack(msg, generation);
    });
  }

  private async handleEventMessage(msg: ConsumeMessage, generation: number): Promise<void> {
    await withCorrelation(this.correlationOf(msg), async () => {
      if (msg.fields.redelivered && (await this.countRedelivery(msg))) {
        this.ack(msg, generation);
        return;
      }
      const pattern = String(msg.properties.type ?? '');
      const stop = this.metrics.eventDuration.startTimer({ pattern });
      try {
        await this.invoke(msg);
        const seconds = stop({ outcome: 'ok' });
        this.metrics.eventsHandled.inc({ pattern });
        this.logger.debug(`event ${pattern} handled in ${Math.round(seconds * 1000)} ms`);
      } catch (err) {
        const error = this.serialize(err, msg);
        stop({ outcome: error.code });
        this.metrics.eventsFailed.inc({ pattern, code: error.code });
        await this.retryOrDeadLetter(msg, error);
      }
      this.ack(msg, generation);
    });
  }

  /**
   * A message the broker hands out again was in the hands of a consumer that never settled it:
   * the process died or lost its connection mid-handler. A message that kills its consumer
   * every time would come back forever (classic queues keep no delivery count, and moving
   * every queue to quorum queues would need each one deleted and declared again), so the count
   * travels in the message: it is republished to the same queue with the count plus one and
   * this copy acked — before the handler runs, so a crash in the handler leaves the counted
   * copy behind. Past MESSAGE_MAX_REDELIVERIES it is parked in the dead-letter queue instead
   * (`delivery_limit_exceeded`). Returns true when this delivery is settled that way (the
   * caller acks it and runs nothing). A crash between republish and ack leaves two copies: the
   * inbox drops the second. RPC requests are not counted: each expires with its deadline.
   */
  private async countRedelivery(msg: ConsumeMessage): Promise<boolean> {
    const { service, prefix, maxRedeliveries = DEFAULT_MAX_REDELIVERIES } = this.connection.options;
    const count = Number(msg.properties.headers?.[HEADERS.redeliveries] ?? 0) + 1;
    const headers = { ...msg.properties.headers, [HEADERS.redeliveries]: count };
    const properties = { ...msg.properties, headers, persistent: true };
    const pattern = String(msg.properties.type ?? '');
    if (count <= maxRedeliveries) {
      this.logger.warn(`${pattern} came back unsettled (${count}/${maxRedeliveries}); counted`);
      await this.channel!.sendToQueue(
        topology.eventQueue(prefix, service),
        msg.content,
        properties,
      );
      return true;
    }
    const detail = `the message was delivered ${count} times without being settled: it crashes or stalls its consumer`;
    Object.assign(headers, {
      [HEADERS.errorCode]: DELIVERY_LIMIT_CODE,
      [HEADERS.errorDetail]: detail,
      [HEADERS.failedAt]: new Date().toISOString(),
      [HEADERS.originalQueue]: topology.eventQueue(prefix, service),
    });
    this.metrics.eventsDeadLettered.inc({ pattern, code: DELIVERY_LIMIT_CODE });
    this.logger.error(`${pattern} dead-lettered: ${detail}`);
    await this.channel!.sendToQueue(
      topology.deadLetterQueue(prefix, service),
      msg.content,
      properties,
    );
    return true;
  }

  private async retryOrDeadLetter(msg: ConsumeMessage, error: SerializedError): Promise<void> {
    const { service, prefix, maxRetries, retryDelayMs } = this.connection.options;
    const attempt = Number(msg.properties.headers?.[HEADERS.retryCount] ?? 0);
    const retriable = error.status >= 500;
    const headers = { ...msg.properties.headers };
    const properties = { ...msg.properties, headers, persistent: true };
    if (retriable && attempt < maxRetries) {
      headers[HEADERS.retryCount] = attempt + 1;
      this.metrics.eventsRetried.inc({ pattern: String(msg.properties.type ?? '') });
      this.logger.warn(
        `${msg.properties.type} failed (${error.code}); retry ${attempt + 1}/${maxRetries}`,
      );
      await this.channel!.sendToQueue(topology.retryQueue(prefix, service), msg.content, {
        ...properties,
        expiration: String(retryDelayMs),
      });
      return;
    }
    Object.assign(headers, {
      [HEADERS.errorCode]: error.code,
      [HEADERS.errorDetail]: error.detail.slice(0, 1000),
      [HEADERS.failedAt]: new Date().toISOString(),
      [HEADERS.originalQueue]: topology.eventQueue(prefix, service),
      [HEADERS.retryCount]: attempt,
    });
    this.metrics.eventsDeadLettered.inc({
      pattern: String(msg.properties.type ?? ''),
      code: error.code,
    });
    this.logger.error(
      `${msg.properties.type} dead-lettered after ${attempt} retries: ${error.code} ${error.detail}`,
    );
    await this.channel!.sendToQueue(
      topology.deadLetterQueue(prefix, service),
      msg.content,
      properties,
    );
  }

  private serialize(err: unknown, msg: ConsumeMessage): SerializedError {
    if (isSerializedError(err)) return err;
    const domain = toDomainError(err);
    if (domain.code === 'internal') {
      this.logger.error(
        `${msg.properties.type} handler failed: ${(err as Error)?.stack ?? String(err)}`,
      );
    }
    return domain.serialize();
  }

  /** Stops consuming, then waits for the messages in hand so none is left half-handled. */
  async close(): Promise<void> {
    await this.channel?.cancelAll();
    await Promise.allSettled([...this.inFlight]);
    await this.channel?.close();
  }

  on(): void {
    throw new Error('AmqpServer does not emit events');
  }

  unwrap<T>(): T {
    return this.channel as T;
  }
}
