import { Controller, DynamicModule, INestApplication, Module } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { Migration } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { eventContract, rpcContract } from '@glimmer/contracts/contract';
import type { ServiceDatabase } from '@glimmer/database/database.options';
import { DatabaseModule } from '@glimmer/database/database.module';
import { migrateService } from '@glimmer/database/migrate';
import { DomainError } from '@glimmer/errors/domain-error';
import { currentCorrelationId, withCorrelation } from '@glimmer/observability/correlation';
import { LoggerModule } from '@glimmer/observability/logger.module';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { eventually } from '@glimmer/testing/eventually';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { AmqpContext } from './amqp.context';
import { INBOX_RETENTION_MIGRATION } from './inbox/inbox-retention.migration';
import { InboxRetention } from './inbox/inbox-retention.service';
import { InboxService } from './inbox/inbox.service';
import { MessagingModule } from './messaging.module';
import { MessagingOptions } from './messaging.options';
import { OUTBOX_INBOX_SQL } from './outbox/outbox.sql';
import { OutboxService } from './outbox/outbox.service';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { HEADERS, topology } from './topology';

class ProbeEvent {
  @IsString() note: string;
  @IsOptional() @IsIn(['transient', 'always', 'permanent']) fail?:
    'transient' | 'always' | 'permanent';
}
class EchoRequest {
  @IsInt() n: number;
}
class EmitRequest {
  @IsString() note: string;
}
const ProbeHappened = eventContract('credit', 'probe.thing.happened.v1', ProbeEvent);
const EchoRpc = rpcContract<EchoRequest, { n: number; correlationId?: string }>(
  'credit',
  'probe.echo.v1',
  EchoRequest,
);
const RefuseRpc = rpcContract<EchoRequest, never>('credit', 'probe.refuse.v1', EchoRequest);
const SlowRpc = rpcContract<EchoRequest, never>('credit', 'probe.slow.v1', EchoRequest);
const EmitRpc = rpcContract<EmitRequest, { messageId: string }>(
  'credit',
  'probe.emit.v1',
  EmitRequest,
);

const attempts = new Map<string, number>();
const handled: string[] = [];

@Controller()
class ProbeHandlers {
  constructor(
    private readonly orm: MikroORM,
    private readonly inbox: InboxService,
    private readonly outbox: OutboxService,
  ) {}

  @MessagePattern(EchoRpc.pattern)
  echo(@Payload() req: EchoRequest) {
    return { n: req.n * 2, correlationId: currentCorrelationId() };
  }

  @MessagePattern(RefuseRpc.pattern)
  refuse(): never {
    throw new DomainError('insufficient_available_credit', 'only 5 available', {
      meta: { available: 5 },
    });
  }

  @MessagePattern(SlowRpc.pattern)
  async slow(): Promise<void> {
    await new Promise((r) => setTimeout(r, 1_500));
  }

  @MessagePattern(EmitRpc.pattern)
  async emit(@Payload() req: EmitRequest) {
    const messageId = await this.orm.em
      .fork()
      .transactional((em) => this.outbox.add(em, ProbeHappened, { note: req.note }));
    return { messageId };
  }

  @EventPattern(ProbeHappened.pattern)
  async onProbe(@Payload() event: ProbeEvent, @Ctx() ctx: AmqpContext): Promise<void> {
    const n = (attempts.get(event.note) ?? 0) + 1;
    attempts.set(event.note, n);
    if (event.fail === 'permanent')
      throw new DomainError('validation_failed', 'this can never work');
    if (event.fail === 'always' || (event.fail === 'transient' && n < 3))
      throw new Error('database hiccup');
    await this.inbox.runOnce('probe', ctx, async () => handled.push(event.note));
  }
}

class ProbeMigration extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_INBOX_SQL) this.addSql(sql);
  }
}

@Module({})
class ProbeModule {
  static forRoot(db: ServiceDatabase, messaging: MessagingOptions): DynamicModule {
    return {
      module: ProbeModule,
      imports: [
        LoggerModule.forService('probe', 'silent'),
        DatabaseModule.forService(db),
        MessagingModule.forService(messaging),
      ],
      controllers: [ProbeHandlers],
    };
  }
}

describe('messaging over the real broker', () => {
  let env: TestEnv;
  let db: ServiceDatabase;
  let options: MessagingOptions;
  let app: INestApplication | undefined;
  let broker: BrokerTestClient;

  const start = async () => {
    app = await bootstrapService(ProbeModule.forRoot(db, options), 0, [ProbeHappened.pattern]);
  };

  beforeAll(async () => {
    env = await createTestEnv('messaging');
    db = {
      service: 'credit',
      prefix: env.prefix,
      databaseUrl: env.databaseUrl,
      entities: [],
      migrations: [{ name: 'probe', class: ProbeMigration }, INBOX_RETENTION_MIGRATION],
    };
    options = {
      service: 'credit',
      url: env.env.RABBITMQ_URL,
      prefix: env.prefix,
      rpcTimeoutMs: 3_000,
      maxRetries: 3,
      retryDelayMs: 100,
      prefetch: 10,
      outboxPollMs: 5_000, // long: delivery within the test's time proves the NOTIFY wake-up works
      databaseUrl: env.databaseUrl,
      relayEnabled: true,
      // A probe service under credit's name: it answers the probe RPCs, none of credit's.
      servedRpcs: [EchoRpc, RefuseRpc, SlowRpc, EmitRpc].map((c) => c.pattern),
      inboxRetentionHours: 24,
      inboxPruneEveryMs: 500,
      inboxPruneBatch: 5,
    };
    await migrateService(db);
    broker = await new BrokerTestClient({ prefix: env.prefix, url: env.env.RABBITMQ_URL }).start();
  });

  afterAll(async () => {
    await app?.close();
    await broker?.stop();
    await env?.destroy();
  });

  it('delivers an event written while the service was down exactly once after it starts', async () => {
    // The process "died" after committing its change and outbox row, before publishing it.
    const orm = await MikroORM.init({
      ...(await import('@glimmer/database/database.options')).databaseOptions(db),
    });
    const messaging = { ...options };
    const outbox = new OutboxService(messaging);
    await orm.em
      .fork()
      .transactional((em) => outbox.add(em, ProbeHappened, { note: 'written-before-crash' }));
    await orm.close(true);

    await start();
    await eventually(() => expect(handled).toContain('written-before-crash'));
    await new Promise((r) => setTimeout(r, 300));
    expect(handled.filter((n) => n === 'written-before-crash')).toHaveLength(1);
  });

  it('answers RPCs, carrying the caller correlation id', async () => {
    const reply = await withCorrelation('corr-123', () => broker.rpc.call(EchoRpc, { n: 21 }));
    expect(reply).toEqual({ n: 42, correlationId: 'corr-123' });
  });

  it('validates RPC payloads on receipt and names the fields at fault', async () => {
    const err = await broker.rpc.call(EchoRpc, { n: 'x', extra: 1 } as never).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe('validation_failed');
    expect(err.extra.errors.map((f: { field: string }) => f.field).sort()).toEqual(['extra', 'n']);
  });

  it('carries domain errors across the broker with their code, status and meta', async () => {
    const err = await broker.rpc.call(RefuseRpc, { n: 1 }).catch((e) => e);
    expect(err).toMatchObject({
      code: 'insufficient_available_credit',
      status: 409,
      message: 'only 5 available',
    });
    expect(err.extra.meta).toEqual({ available: 5 });
  });

  it('gives up on a slow RPC at its deadline with dependency_timeout', async () => {
    const started = Date.now();
    const err = await broker.rpc.call(SlowRpc, { n: 1 }, { timeoutMs: 300 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'dependency_timeout', status: 504 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('answers an unknown pattern with not_found instead of hanging', async () => {
    const Unknown = rpcContract<EchoRequest, never>('credit', 'probe.nobody-home.v1', EchoRequest);
    await expect(broker.rpc.call(Unknown, { n: 1 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('publishes outbox events on commit and drops a redelivered copy in the inbox', async () => {
    const { messageId } = await broker.rpc.call(EmitRpc, { note: 'emitted' });
    await eventually(() => expect(handled).toContain('emitted'));
    await broker.publish(ProbeHappened, { note: 'emitted' }, messageId);
    await broker.publish(ProbeHappened, { note: 'emitted' }, messageId);
    await new Promise((r) => setTimeout(r, 300));
    expect(handled.filter((n) => n === 'emitted')).toHaveLength(1);
    expect(app!.get(InboxService).duplicatesDropped).toBe(2);
  });

  it('retries a failing event and succeeds once the failure passes', async () => {
    await broker.publish(ProbeHappened, { note: 'flaky', fail: 'transient' });
    await eventually(() => expect(handled).toContain('flaky'));
    expect(attempts.get('flaky')).toBe(3);
  });

  it('dead-letters an event after bounded retries, and a client error at once, with the error', async () => {
    await broker.publish(ProbeHappened, { note: 'doomed', fail: 'always' });
    await broker.publish(ProbeHappened, { note: 'invalid', fail: 'permanent' });
    const dlq = topology.deadLetterQueue(env.prefix, 'credit');
    const parked: Awaited<ReturnType<BrokerTestClient['drain']>> = [];
    await eventually(async () => {
      parked.push(...(await broker.drain(dlq)));
      if (parked.length < 2) throw new Error(`only ${parked.length} dead letters`);
    });
    const byNote = Object.fromEntries(
      parked.map((m) => [JSON.parse(m.content.toString()).note, m.properties.headers]),
    );
    expect(attempts.get('doomed')).toBe(options.maxRetries + 1);
    expect(byNote.doomed?.[HEADERS.errorCode]).toBe('internal');
    expect(byNote.doomed?.[HEADERS.retryCount]).toBe(options.maxRetries);
    expect(attempts.get('invalid')).toBe(1);
    expect(byNote.invalid?.[HEADERS.errorCode]).toBe('validation_failed');
    expect(handled).not.toContain('doomed');
  });

  it('handles a message with a fresh id', async () => {
    const id = randomUUID();
    await broker.publish(ProbeHappened, { note: 'unique-a' }, id);
    await eventually(() => expect(handled).toContain('unique-a'));
  });

  it('deletes inbox rows older than the retention window, a batch at a time, and on its own', async () => {
    const orm = app!.get(MikroORM);
    const sql = (query: string) => orm.em.fork().getConnection().execute(query);
    const addOld = (consumer: string, n: number) =>
      sql(`insert into processed_message (consumer, message_id, processed_at)
           select '${consumer}', 'old-' || g, now() - interval '25 hours' from generate_series(1, ${n}) g`);
    const left = async (consumer: string) =>
      (await sql(`select message_id from processed_message where consumer = '${consumer}'`)).map(
        (r: { message_id: string }) => r.message_id,
      );
    await addOld('aged', 12);
    await sql(`insert into processed_message (consumer, message_id, processed_at)
               values ('aged', 'recent', now() - interval '23 hours')`);
    // 12 expired rows with batches of 5: three deletes, and the recent one stays.
    expect(await app!.get(InboxRetention).prune()).toBeGreaterThanOrEqual(12);
    expect(await left('aged')).toEqual(['recent']);
    // The periodic run (INBOX_PRUNE_EVERY_MS) removes later ones without being asked.
    await addOld('later', 7);
    await eventually(async () => expect(await left('later')).toEqual([]));
    // The inbox keeps working: what it handled recently is still de-duplicated.
    expect((await left('probe')).length).toBeGreaterThan(0);
  });
});
