import { Controller, DynamicModule, INestApplication, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Migration } from '@mikro-orm/migrations';
import { IsString } from 'class-validator';
import { eventContract } from '@glimmer/contracts/contract';
import { DatabaseModule } from '@glimmer/database/database.module';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { LoggerModule } from '@glimmer/observability/logger.module';
import { BrokerRelay } from '@glimmer/testing/broker-relay';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { eventually } from '@glimmer/testing/eventually';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { DELIVERY_LIMIT_CODE } from './amqp.server';
import { AmqpContext } from './amqp.context';
import { InboxService } from './inbox/inbox.service';
import { MessagingModule } from './messaging.module';
import { MessagingOptions } from './messaging.options';
import { OUTBOX_INBOX_SQL } from './outbox/outbox.sql';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { HEADERS, topology } from './topology';

class ToxicEvent {
  @IsString() note: string;
}
const ToxicHappened = eventContract('credit', 'probe.toxic.happened.v1', ToxicEvent);

const MAX_REDELIVERIES = 2;
const deliveries = new Map<string, number>();
const handled: string[] = [];
/** Handlers "killed" mid-way: they never settle until the test releases them at the end. */
const stuck: (() => void)[] = [];
let relay: BrokerRelay;

@Controller()
class ToxicHandlers {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern(ToxicHappened.pattern)
  async onToxic(@Payload() event: ToxicEvent, @Ctx() ctx: AmqpContext): Promise<void> {
    deliveries.set(event.note, (deliveries.get(event.note) ?? 0) + 1);
    if (event.note.startsWith('poison')) {
      // What a consumer that crashes (an OOM, a segfault in a native module) looks like to the
      // broker: its connection dies with the message unacknowledged, and it never answers.
      // (A moment into the handler, so what the previous delivery sent has reached the broker.)
      setTimeout(() => relay.dropConnections(), 300);
      await new Promise<void>((release) => stuck.push(release));
      return;
    }
    await this.inbox.runOnce('toxic', ctx, async () => handled.push(event.note));
  }
}

class ToxicMigration extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_INBOX_SQL) this.addSql(sql);
  }
}

@Module({})
class ToxicModule {
  static forRoot(db: ServiceDatabase, messaging: MessagingOptions): DynamicModule {
    return {
      module: ToxicModule,
      imports: [
        LoggerModule.forService('toxic', 'silent'),
        DatabaseModule.forService(db),
        MessagingModule.forService(messaging),
      ],
      controllers: [ToxicHandlers],
    };
  }
}

describe('delivery limit: a message that crashes its consumer is dead-lettered, not redelivered forever', () => {
  let env: TestEnv;
  let app: INestApplication | undefined;
  let broker: BrokerTestClient;

  beforeAll(async () => {
    env = await createTestEnv('deliverylimit');
    relay = new BrokerRelay();
    await relay.start();
    const db: ServiceDatabase = {
      service: 'credit',
      prefix: env.prefix,
      databaseUrl: env.databaseUrl,
      entities: [],
      migrations: [{ name: 'toxic', class: ToxicMigration }],
    };
    await migrateService(db);
    const options: MessagingOptions = {
      service: 'credit',
      url: relay.url,
      prefix: env.prefix,
      rpcTimeoutMs: 3_000,
      maxRetries: 3,
      retryDelayMs: 100,
      maxRedeliveries: MAX_REDELIVERIES,
      prefetch: 10,
      outboxPollMs: 1_000,
      databaseUrl: env.databaseUrl,
      relayEnabled: true,
      servedRpcs: [], // a probe service: none of credit's RPCs
    };
    app = await bootstrapService(ToxicModule.forRoot(db, options), 0, [ToxicHappened.pattern]);
    broker = await new BrokerTestClient({ prefix: env.prefix, url: env.env.RABBITMQ_URL }).start();
  });

  afterAll(async () => {
    for (const release of stuck) release();
    await app?.close();
    await broker?.stop();
    await relay?.stop();
    await env?.destroy();
  });

  it(`parks it after ${MAX_REDELIVERIES} unsettled redeliveries, with the reason, and keeps consuming`, async () => {
    const id = await broker.publish(ToxicHappened, { note: 'poison-1' });
    const dlq = topology.deadLetterQueue(env.prefix, 'credit');
    const parked: Awaited<ReturnType<BrokerTestClient['drain']>> = [];
    await eventually(
      async () => {
        parked.push(...(await broker.drain(dlq)));
        expect(parked).toHaveLength(1);
      },
      { timeoutMs: 30_000 },
    );
    const [letter] = parked;
    expect(letter.properties.messageId).toBe(id);
    expect(letter.properties.headers?.[HEADERS.errorCode]).toBe(DELIVERY_LIMIT_CODE);
    expect(letter.properties.headers?.[HEADERS.redeliveries]).toBe(MAX_REDELIVERIES + 1);
    // The first delivery and each counted copy ran the handler; the last delivery did not.
    expect(deliveries.get('poison-1')).toBe(MAX_REDELIVERIES + 1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(deliveries.get('poison-1')).toBe(MAX_REDELIVERIES + 1);
    expect(await broker.drain(topology.eventQueue(env.prefix, 'credit'))).toEqual([]);

    // The service goes on: the next message is handled once.
    await broker.publish(ToxicHappened, { note: 'wholesome' });
    await eventually(() => expect(handled).toEqual(['wholesome']), { timeoutMs: 15_000 });
  }, 60_000);
});
