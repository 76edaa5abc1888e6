import { Controller, DynamicModule, INestApplication, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Migration } from '@mikro-orm/migrations';
import { IsString } from 'class-validator';
import amqplib, { type ChannelModel } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eventContract } from '@glimmer/contracts/contract';
import { DatabaseModule } from '@glimmer/database/database.module';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { DomainError } from '@glimmer/errors/domain-error';
import { LoggerModule } from '@glimmer/observability/logger.module';
import { MetricsModule } from '@glimmer/observability/metrics';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { eventually } from '@glimmer/testing/eventually';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { AmqpContext } from '../amqp.context';
import { assertAllTopology } from '../broker-setup';
import { InboxService } from '../inbox/inbox.service';
import { MessagingMetrics } from '../messaging.metrics';
import { MessagingModule } from '../messaging.module';
import { MessagingOptions } from '../messaging.options';
import { OUTBOX_INBOX_SQL } from '../outbox/outbox.sql';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { HEADERS, topology } from '../topology';
import { DeadLetterService } from './dead-letter.service';

class ParcelEvent {
  @IsString() note: string;
}
const ParcelSent = eventContract('credit', 'probe.parcel.sent.v1', ParcelEvent);

/** Notes whose handling fails (a client error: dead-lettered at once) until removed. */
const broken = new Set<string>();
const handled: string[] = [];

@Controller()
class ParcelHandlers {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern(ParcelSent.pattern)
  async onParcel(@Payload() event: ParcelEvent, @Ctx() ctx: AmqpContext): Promise<void> {
    if (broken.has(event.note)) throw new DomainError('validation_failed', `${event.note} is bad`);
    await this.inbox.runOnce('parcels', ctx, async () => handled.push(event.note));
  }
}

class ParcelMigration extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_INBOX_SQL) this.addSql(sql);
  }
}

@Module({})
class ParcelModule {
  static forRoot(db: ServiceDatabase, messaging: MessagingOptions): DynamicModule {
    return {
      module: ParcelModule,
      imports: [
        LoggerModule.forService('parcels', 'silent'),
        DatabaseModule.forService(db),
        MessagingModule.forService(messaging),
        MetricsModule.forService('parcels'),
      ],
      controllers: [ParcelHandlers],
      providers: [DeadLetterService],
    };
  }
}

describe('dead letters: list, replay, discard', () => {
  let env: TestEnv;
  let app: INestApplication;
  let broker: BrokerTestClient;
  let deadLetters: DeadLetterService;
  let url: string;
  let options: MessagingOptions;

  beforeAll(async () => {
    env = await createTestEnv('deadletters');
    const db: ServiceDatabase = {
      service: 'credit',
      prefix: env.prefix,
      databaseUrl: env.databaseUrl,
      entities: [],
      migrations: [{ name: 'parcels', class: ParcelMigration }],
    };
    await migrateService(db);
    options = {
      service: 'credit',
      url: env.env.RABBITMQ_URL,
      prefix: env.prefix,
      rpcTimeoutMs: 3_000,
      maxRetries: 2,
      retryDelayMs: 50,
      prefetch: 10,
      outboxPollMs: 1_000,
      databaseUrl: env.databaseUrl,
      relayEnabled: true,
      servedRpcs: [], // a probe service: none of credit's RPCs
    };
    app = await bootstrapService(ParcelModule.forRoot(db, options), 0, [ParcelSent.pattern]);
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    deadLetters = app.get(DeadLetterService);
    broker = await new BrokerTestClient({ prefix: env.prefix, url: env.env.RABBITMQ_URL }).start();
  });

  afterAll(async () => {
    await app?.close();
    await broker?.stop();
    await env?.destroy();
  });

  it('lists a dead letter with its error, replays it once to its queue, and it is handled once', async () => {
    broken.add('first');
    broken.add('second');
    const firstId = await broker.publish(ParcelSent, { note: 'first' });
    const secondId = await broker.publish(ParcelSent, { note: 'second' });
    let listed: Awaited<ReturnType<DeadLetterService['list']>> = [];
    await eventually(async () => {
      listed = await deadLetters.list();
      expect(listed.map((l) => l.id).sort()).toEqual([firstId, secondId].sort());
    });
    const first = listed.find((l) => l.id === firstId)!;
    expect(first).toMatchObject({
      service: 'credit',
      queue: topology.deadLetterQueue(env.prefix, 'credit'),
      originalQueue: topology.eventQueue(env.prefix, 'credit'),
      pattern: ParcelSent.pattern,
      messageId: firstId,
      errorCode: 'validation_failed',
      errorDetail: 'first is bad',
      retryCount: 0,
      payload: { note: 'first' },
    });
    expect(first.failedAt).toEqual(expect.any(String));
    expect(first.headers[HEADERS.originalQueue]).toBe(first.originalQueue);
    // Listing is not destructive.
    expect((await deadLetters.list()).map((l) => l.id).sort()).toEqual([firstId, secondId].sort());
    expect(await deadLetters.depths()).toEqual({ credit: 2 });

    broken.delete('first');
    await expect(deadLetters.replay(firstId)).resolves.toMatchObject({ id: firstId });
    await eventually(() => expect(handled).toContain('first'));
    expect((await deadLetters.list()).map((l) => l.id)).toEqual([secondId]);

    // A second replay finds nothing; a copy published again is dropped by the inbox.
    await expect(deadLetters.replay(firstId)).rejects.toMatchObject({ code: 'not_found' });
    await broker.publish(ParcelSent, { note: 'first' }, firstId);
    await eventually(() => expect(app.get(InboxService).duplicatesDropped).toBe(1));
    expect(handled.filter((n) => n === 'first')).toHaveLength(1);

    // Discarding removes it for good.
    await expect(deadLetters.discard(secondId)).resolves.toMatchObject({ id: secondId });
    expect(await deadLetters.list()).toEqual([]);
    expect(handled).not.toContain('second');
    await expect(deadLetters.discard(randomUUID())).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts handled, dead-lettered and duplicate messages and the dead-letter depth in /metrics', async () => {
    broken.add('third');
    await broker.publish(ParcelSent, { note: 'third' });
    await eventually(async () => expect(await deadLetters.depths()).toEqual({ credit: 1 }));
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    const line = (prefix: string) =>
      text.split('\n').find((l) => l.startsWith(prefix)) ?? `(no ${prefix})`;
    expect(line('glimmer_events_handled_total{pattern="probe.parcel.sent.v1"')).toMatch(/ 2$/);
    expect(
      line(
        'glimmer_events_dead_lettered_total{pattern="probe.parcel.sent.v1",code="validation_failed"',
      ),
    ).toMatch(/ 3$/);
    expect(line('glimmer_inbox_duplicates_dropped_total{consumer="parcels"')).toMatch(/ 1$/);
    expect(line('glimmer_dead_letter_queue_depth{consumer="credit"')).toMatch(/ 1$/);
    expect(line('glimmer_outbox_lag_seconds')).toMatch(/ 0$/);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('glimmer_event_handler_duration_seconds_bucket');
  });

  it('reads the depths for /metrics on one channel, at most once per QUEUE_DEPTH_CACHE_MS', async () => {
    // Every service's queues exist (as after every migrate), so one channel reads them all.
    const admin = await amqplib.connect(env.env.RABBITMQ_URL);
    const setup = await admin.createConfirmChannel();
    await assertAllTopology(setup, { prefix: env.prefix });
    // Every amqplib connection's channels come from this prototype: spying counts real opens.
    const connections = Object.getPrototypeOf(admin) as ChannelModel;
    await admin.close();
    const metrics = new MessagingMetrics();
    const scraped = new DeadLetterService({ ...options, queueDepthCacheMs: 1_000 }, metrics);
    const depthShown = async () => {
      const text = await metrics.registry.registry.metrics();
      const line = text
        .split('\n')
        .find((l) => l.startsWith('glimmer_dead_letter_queue_depth{consumer="credit"'));
      return Number(line?.split(' ').pop());
    };
    const before = (await scraped.depths()).credit!;
    const channels = jest.spyOn(connections, 'createChannel');
    try {
      // Twenty scrapes, ten at once: one broker read, on one channel (six per scrape before).
      await Promise.all(Array.from({ length: 10 }, depthShown));
      for (let i = 0; i < 10; i++) expect(await depthShown()).toBe(before);
      expect(channels).toHaveBeenCalledTimes(1);

      broken.add('fourth');
      await broker.publish(ParcelSent, { note: 'fourth' });
      await eventually(async () => expect((await deadLetters.depths()).credit).toBe(before + 1));
      channels.mockClear();
      expect(await depthShown()).toBe(before); // still the cached reading
      expect(channels).not.toHaveBeenCalled();
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await depthShown()).toBe(before + 1); // refreshed once the window passed
      expect(channels).toHaveBeenCalledTimes(1);
    } finally {
      channels.mockRestore();
      await scraped.onApplicationShutdown();
    }
  });
});
