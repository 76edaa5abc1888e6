import { Controller, DynamicModule, INestApplication, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { Migration } from '@mikro-orm/migrations';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { eventContract, rpcContract } from '@glimmer/contracts/contract';
import { DatabaseModule } from '@glimmer/database/database.module';
import { schemaFor, type ServiceDatabase } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { DomainError } from '@glimmer/errors/domain-error';
import { LoggerModule } from '@glimmer/observability/logger.module';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { eventually } from '@glimmer/testing/eventually';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { AmqpConnection } from './amqp-connection';
import { AmqpContext } from './amqp.context';
import { AmqpServer } from './amqp.server';
import { OnEvent, OnRpc } from './handlers';
import { InboxService } from './inbox/inbox.service';
import { MessagingModule } from './messaging.module';
import { MessagingOptions } from './messaging.options';
import { OUTBOX_INBOX_SQL } from './outbox/outbox.sql';
import { OutboxService } from './outbox/outbox.service';
import { RpcClient } from './rpc-client';
import { HEADERS, topology } from './topology';

class SumRequest {
  @IsInt() a: number;
  @IsInt() b: number;
}
/** What the handler below is typed with: an interface, so no class the global pipe could use. */
interface SumShape {
  a: number;
  b: number;
}
class NoteEvent {
  @IsString() note: string;
  @IsOptional() @IsString() fail?: 'once' | 'always';
}

const SumRpc = rpcContract<SumRequest, { sum: number }>('credit', 'probe.sum.v1', SumRequest);
const WhoRpc = rpcContract<SumRequest, { pattern: string }>('credit', 'probe.who.v1', SumRequest);
/** A request with no fields (like credit's VerifyLedgerRequest): class-validator has no rules for it. */
class EmptyRequest {}
const PingRpc = rpcContract<EmptyRequest, { pong: true }>('credit', 'probe.ping.v1', EmptyRequest);
const NoteWritten = eventContract('credit', 'probe.note.written.v1', NoteEvent);
const NoteNoInbox = eventContract('credit', 'probe.note.loose.v1', NoteEvent);

const looseSeen: { note: string; isInstance: boolean; pattern: string }[] = [];
const looseSeenToo: string[] = [];
const failedOnce = new Set<string>();

@Controller()
class ProbeRpc {
  @OnRpc(SumRpc)
  sum(req: SumShape): { sum: number } {
    return { sum: req.a + req.b };
  }

  @OnRpc(PingRpc)
  ping(req: EmptyRequest): { pong: true } {
    if (!(req instanceof EmptyRequest)) throw new Error('not the contract class');
    return { pong: true };
  }

  @OnRpc(WhoRpc)
  async who(_req: SumRequest, ctx: AmqpContext): Promise<{ pattern: string }> {
    return { pattern: ctx.pattern };
  }
}

@Controller()
class ProbeEvents {
  /** Writes a row in the inbox transaction; the first delivery of note "fail:…" fails after it. */
  @OnEvent(NoteWritten, { consumer: 'probe.notes' })
  async onWritten(p: NoteEvent, em: EntityManager, ctx: AmqpContext): Promise<string> {
    if (!em.isInTransaction()) throw new Error('not inside the inbox transaction');
    await em.execute('insert into probe_note (note, message_id) values (?, ?)', [
      p.note,
      ctx.messageId,
    ]);
    if (p.fail === 'always') throw new Error('always fails after writing');
    if (p.fail === 'once' && !failedOnce.has(p.note)) {
      failedOnce.add(p.note);
      throw new Error('failed after writing');
    }
    return `note ${p.note} written`;
  }

  @OnEvent(NoteNoInbox, {
    consumer: 'probe.loose',
    withoutInbox: 'the test counts every delivery',
  })
  async onLoose(p: NoteEvent, ctx: AmqpContext): Promise<void> {
    looseSeen.push({ note: p.note, isInstance: p instanceof NoteEvent, pattern: ctx.pattern });
  }
}

/** A second consumer of the same event in the same service (as the scheduler has). */
@Controller()
class ProbeEventsToo {
  @OnEvent(NoteNoInbox, { consumer: 'probe.loose.second', withoutInbox: 'the test counts' })
  async onLooseToo(p: NoteEvent): Promise<void> {
    looseSeenToo.push(p.note);
  }
}

class ProbeMigration extends Migration {
  override async up(): Promise<void> {
    for (const sql of OUTBOX_INBOX_SQL) this.addSql(sql);
    this.addSql('create table probe_note (note text not null, message_id text not null)');
    // Checked at commit: a batch holding two writers of one key cannot commit.
    this.addSql(
      'create table probe_deferred (k text not null, constraint probe_deferred_k unique (k) deferrable initially deferred)',
    );
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
      controllers: [ProbeRpc, ProbeEvents, ProbeEventsToo],
    };
  }
}

describe('@OnRpc / @OnEvent over the real broker and database', () => {
  let env: TestEnv;
  let options: MessagingOptions;
  let app: INestApplication | undefined;
  let broker: BrokerTestClient;
  let sql: Pool;

  const notes = async (note: string) =>
    (await sql.query('select message_id from probe_note where note = $1', [note])).rows;

  beforeAll(async () => {
    env = await createTestEnv('handlers');
    const db: ServiceDatabase = {
      service: 'credit',
      prefix: env.prefix,
      databaseUrl: env.databaseUrl,
      entities: [],
      migrations: [{ name: 'probe-handlers', class: ProbeMigration }],
    };
    options = {
      service: 'credit',
      url: env.env.RABBITMQ_URL,
      prefix: env.prefix,
      rpcTimeoutMs: 3_000,
      maxRetries: 3,
      retryDelayMs: 100,
      prefetch: 10,
      outboxPollMs: 1_000,
      databaseUrl: env.databaseUrl,
      relayEnabled: true,
      servedRpcs: [SumRpc.pattern, WhoRpc.pattern, PingRpc.pattern],
    };
    await migrateService(db);
    app = await bootstrapService(ProbeModule.forRoot(db, options), 0, [
      NoteWritten.pattern,
      NoteNoInbox.pattern,
    ]);
    broker = await new BrokerTestClient({ prefix: env.prefix, url: env.env.RABBITMQ_URL }).start();
    sql = new Pool({
      connectionString: env.databaseUrl,
      options: `-c search_path=${schemaFor(env.prefix, 'credit')}`,
    });
  });

  afterAll(async () => {
    await sql?.end();
    await app?.close();
    await broker?.stop();
    await env?.destroy();
  });

  describe('@OnRpc', () => {
    it('binds the contract pattern and answers with the handler result', async () => {
      await expect(broker.rpc.call(SumRpc, { a: 2, b: 3 })).resolves.toEqual({ sum: 5 });
    });

    it('validates against the contract class even when the parameter is typed otherwise', async () => {
      const err = await broker.rpc
        .call(SumRpc, { a: '2', b: 3, extra: true } as never)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('validation_failed');
      const fields = (err as DomainError).extra.errors?.map((f) => f.field).sort();
      expect(fields).toEqual(['a', 'extra']);
    });

    it('takes {} for a request class without fields, and refuses anything in it', async () => {
      await expect(broker.rpc.call(PingRpc, {})).resolves.toEqual({ pong: true });
      const err = await broker.rpc.call(PingRpc, { x: 1 } as never).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'validation_failed' });
      expect((err as DomainError).extra.errors?.map((f) => f.field)).toEqual(['x']);
    });

    it('passes the AMQP context as the second argument', async () => {
      await expect(broker.rpc.call(WhoRpc, { a: 1, b: 1 })).resolves.toEqual({
        pattern: WhoRpc.pattern,
      });
    });
  });

  describe('@OnEvent with an inbox consumer', () => {
    it('runs the handler once per message id, in the inbox transaction', async () => {
      const id = randomUUID();
      await broker.publish(NoteWritten, { note: 'once' }, id);
      await eventually(async () => expect(await notes('once')).toHaveLength(1));
      await broker.publish(NoteWritten, { note: 'once' }, id);
      await broker.publish(NoteWritten, { note: 'once' }, id);
      await eventually(() => expect(app!.get(InboxService).duplicatesDropped).toBe(2));
      expect(await notes('once')).toEqual([{ message_id: id }]);
      const rows = await sql.query('select consumer from processed_message where message_id = $1', [
        id,
      ]);
      expect(rows.rows).toEqual([{ consumer: 'probe.notes' }]);
    });

    it('rolls back the work and the inbox row together when the handler fails, so the retry runs it', async () => {
      const id = randomUUID();
      await broker.publish(NoteWritten, { note: 'flaky', fail: 'once' }, id);
      await eventually(async () => expect(await notes('flaky')).toHaveLength(1));
      await new Promise((r) => setTimeout(r, 300));
      expect(failedOnce.has('flaky')).toBe(true);
      expect(await notes('flaky')).toHaveLength(1); // the failed attempt's row was rolled back
      const inbox = await sql.query('select 1 from processed_message where message_id = $1', [id]);
      expect(inbox.rowCount).toBe(1);
    });

    it('dead-letters a payload its contract class refuses, without running the handler', async () => {
      const id = await broker.publish(NoteWritten, { note: 7 } as never);
      const dlq = topology.deadLetterQueue(env.prefix, 'credit');
      const parked = await eventually(async () => {
        const got = await broker.drain(dlq);
        if (!got.length) throw new Error('nothing dead-lettered yet');
        return got;
      });
      expect(parked.map((m) => m.properties.messageId)).toContain(id);
      const inbox = await sql.query('select 1 from processed_message where message_id = $1', [id]);
      expect(inbox.rowCount).toBe(0);
    });
  });

  describe('the inbox in batches', () => {
    const consumer = 'probe.batch';
    const noteWriter =
      (note: string, { fail = false, messageId = '' } = {}) =>
      async (em: EntityManager) => {
        await em.execute('insert into probe_note (note, message_id) values (?, ?)', [
          note,
          messageId,
        ]);
        if (fail) throw new DomainError('dependency_unavailable', `${note} fails`);
        return note;
      };
    const processed = async (ids: string[]) =>
      (
        await sql.query(
          'select message_id, processed_at from processed_message where consumer = $1 and message_id = any($2)',
          [consumer, ids],
        )
      ).rows as { message_id: string; processed_at: Date }[];

    it('handles messages that arrive together in one transaction; a failing one rolls back alone; a repeated id runs once', async () => {
      const inbox = app!.get(InboxService);
      const tag = randomUUID();
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      const committedBefore = inbox.batchesCommitted;
      const results = await Promise.allSettled([
        inbox.runOnce(consumer, a, noteWriter(`${tag}-a`)),
        inbox.runOnce(consumer, b, noteWriter(`${tag}-b`, { fail: true })),
        inbox.runOnce(consumer, c, noteWriter(`${tag}-c`)),
        inbox.runOnce(consumer, a, noteWriter(`${tag}-a-again`)),
      ]);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual([
        { duplicate: false, value: `${tag}-a` },
        'rejected',
        { duplicate: false, value: `${tag}-c` },
        { duplicate: true },
      ]);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
        code: 'dependency_unavailable',
      });
      expect(inbox.batchesCommitted).toBe(committedBefore + 1);
      const written = await sql.query(
        'select note from probe_note where note like $1 order by note',
        [`${tag}-%`],
      );
      expect(written.rows.map((r: { note: string }) => r.note)).toEqual([`${tag}-a`, `${tag}-c`]);
      const rows = await processed([a, b, c]);
      expect(rows.map((r) => r.message_id).sort()).toEqual([a, c].sort());
      // now() is the transaction's start: one value, one transaction.
      expect(new Set(rows.map((r) => r.processed_at.getTime())).size).toBe(1);
    });

    it('runs a repeated id in the same batch when its first copy rolled back', async () => {
      const inbox = app!.get(InboxService);
      const tag = randomUUID();
      const id = randomUUID();
      const results = await Promise.allSettled([
        inbox.runOnce(consumer, id, noteWriter(`${tag}-first`, { fail: true })),
        inbox.runOnce(consumer, id, noteWriter(`${tag}-second`)),
      ]);
      expect(results[0].status).toBe('rejected');
      expect(results[1]).toEqual({
        status: 'fulfilled',
        value: { duplicate: false, value: `${tag}-second` },
      });
      const written = await sql.query('select note from probe_note where note like $1', [
        `${tag}-%`,
      ]);
      expect(written.rows).toEqual([{ note: `${tag}-second` }]);
      expect(await processed([id])).toHaveLength(1);
    });

    it('runs each message alone when the batch cannot commit, so only the bad one fails', async () => {
      const inbox = app!.get(InboxService);
      const key = randomUUID();
      const tag = randomUUID();
      const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
      const claimKey = async (em: EntityManager) => {
        await em.execute('insert into probe_deferred (k) values (?)', [key]);
        return 'claimed';
      };
      const results = await Promise.allSettled([
        inbox.runOnce(consumer, a, claimKey),
        inbox.runOnce(consumer, b, claimKey),
        inbox.runOnce(consumer, c, noteWriter(`${tag}-c`)),
      ]);
      const statuses = results.map((r) => r.status);
      expect(statuses[2]).toBe('fulfilled');
      expect(statuses.slice(0, 2).sort()).toEqual(['fulfilled', 'rejected']);
      const claimed = await sql.query('select 1 from probe_deferred where k = $1', [key]);
      expect(claimed.rowCount).toBe(1);
      const winner = statuses[0] === 'fulfilled' ? a : b;
      expect((await processed([a, b, c])).map((r) => r.message_id).sort()).toEqual(
        [winner, c].sort(),
      );
      const written = await sql.query('select 1 from probe_note where note = $1', [`${tag}-c`]);
      expect(written.rowCount).toBe(1);
    });

    it('over the broker: neighbours of a failing message commit and are acked once, the failing one is retried then dead-lettered', async () => {
      const tag = randomUUID();
      const ids = await Promise.all(
        [0, 1, 2, 3, 4].map((i) =>
          broker.publish(NoteWritten, {
            note: `${tag}-${i}`,
            ...(i === 2 ? { fail: 'always' as const } : {}),
          }),
        ),
      );
      const dlq = topology.deadLetterQueue(env.prefix, 'credit');
      const parked = await eventually(
        async () => {
          const got = (await broker.drain(dlq)).filter((m) => m.properties.messageId === ids[2]);
          if (!got.length) throw new Error('not dead-lettered yet');
          return got;
        },
        { timeoutMs: 15_000 },
      );
      expect(parked).toHaveLength(1);
      expect(parked[0].properties.headers?.[HEADERS.retryCount]).toBe(options.maxRetries);
      await new Promise((r) => setTimeout(r, 300));
      const written = await sql.query(
        'select note, count(*)::int as n from probe_note where note like $1 group by note order by note',
        [`${tag}-%`],
      );
      expect(written.rows).toEqual([0, 1, 3, 4].map((i) => ({ note: `${tag}-${i}`, n: 1 })));
      const inbox = await sql.query(
        'select message_id from processed_message where consumer = $1 and message_id = any($2)',
        ['probe.notes', ids],
      );
      expect(inbox.rows.map((r: { message_id: string }) => r.message_id).sort()).toEqual(
        [ids[0], ids[1], ids[3], ids[4]].sort(),
      );
    });
  });

  describe('@OnEvent without an inbox', () => {
    it('gets the validated payload (a contract class instance) and the context', async () => {
      await broker.publish(NoteNoInbox, { note: 'loose' });
      await eventually(() =>
        expect(looseSeen).toContainEqual({
          note: 'loose',
          isInstance: true,
          pattern: NoteNoInbox.pattern,
        }),
      );
    });

    it('runs every consumer of one event, each once per delivery', async () => {
      await broker.publish(NoteNoInbox, { note: 'both' });
      await eventually(() => expect(looseSeenToo).toContain('both'));
      await eventually(() => expect(looseSeen.map((s) => s.note)).toContain('both'));
      await new Promise((r) => setTimeout(r, 200));
      expect(looseSeenToo.filter((n) => n === 'both')).toHaveLength(1);
      expect(looseSeen.filter((s) => s.note === 'both')).toHaveLength(1);
    });
  });

  describe('producers validate what they send (outside production)', () => {
    it('RpcClient.call refuses a bad request before sending it, with the receiver’s error', async () => {
      const client = new RpcClient(app!.get(AmqpConnection));
      const err = await client
        .call(SumRpc, { a: 1, b: 'two' } as never)
        .catch((e: unknown) => e as DomainError);
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ code: 'validation_failed' });
      expect((err as DomainError).message).toMatch(/refused to send an invalid probe\.sum\.v1/);
      expect((err as DomainError).extra.errors?.map((f) => f.field)).toEqual(['b']);
    });

    it('OutboxService.add refuses a bad event, failing the transaction that wrote it', async () => {
      const orm: MikroORM = app!.get(MikroORM);
      const outbox = app!.get(OutboxService);
      const add = orm.em.fork().transactional(async (em) => {
        await outbox.add(em, NoteWritten, { note: 'from-outbox' });
        await outbox.add(em, NoteWritten, { note: 'bad', extra: 1 } as never);
      });
      await expect(add).rejects.toThrow(/refused to send an invalid probe\.note\.written\.v1/);
      await expect(add).rejects.not.toBeInstanceOf(DomainError);
      const outboxRows = await sql.query(
        `select 1 from outbox_message where payload->>'note' = 'from-outbox'`,
      );
      expect(outboxRows.rowCount).toBe(0);
    });

    it('lets a valid payload through', async () => {
      const client = new RpcClient(app!.get(AmqpConnection));
      client.onModuleInit();
      await expect(client.call(SumRpc, { a: 4, b: 5 })).resolves.toEqual({ sum: 9 });
      await expect(client.call(PingRpc, {})).resolves.toEqual({ pong: true });
    });
  });
});

// ---- the start-up check ---------------------------------------------------------------------

class ExtraRequest {
  @IsInt() n: number;
}
const OwnedA = rpcContract<ExtraRequest, number>('credit', 'probe.owned-a.v1', ExtraRequest);
const OwnedB = rpcContract<ExtraRequest, number>('credit', 'probe.owned-b.v1', ExtraRequest);
const Stray = rpcContract<ExtraRequest, number>('credit', 'probe.stray.v1', ExtraRequest);

@Controller()
class OwnsA {
  @OnRpc(OwnedA)
  a(req: ExtraRequest): number {
    return req.n;
  }
}
@Controller()
class OwnsB {
  @OnRpc(OwnedB)
  b(req: ExtraRequest): number {
    return req.n;
  }
}
@Controller()
class AlsoOwnsA {
  @OnRpc(OwnedA)
  again(req: ExtraRequest): number {
    return req.n;
  }
}
/** An old-style handler (not yet converted): it counts like any other. */
@Controller()
class OldStyleOwnsA {
  @MessagePattern(OwnedA.pattern)
  legacy(@Payload() req: ExtraRequest): number {
    return req.n;
  }
}
@Controller()
class HandlesStray {
  @OnRpc(Stray)
  stray(req: ExtraRequest): number {
    return req.n;
  }
}
@Controller()
class NotesOnce {
  @OnEvent(NoteNoInbox, { consumer: 'probe.one', withoutInbox: 'test' })
  async one(): Promise<void> {}
}
@Controller()
class NotesSameConsumer {
  @OnEvent(NoteNoInbox, { consumer: 'probe.one', withoutInbox: 'test' })
  async copy(): Promise<void> {}
}
@Controller()
class NotesOtherConsumer {
  @OnEvent(NoteNoInbox, { consumer: 'probe.other', withoutInbox: 'test' })
  async other(): Promise<void> {}
}
@Controller()
class NotesOldStyle {
  @EventPattern(NoteNoInbox.pattern)
  async two(): Promise<void> {}
}

describe('the start-up check: every owned RPC and subscribed event has exactly one handler', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await createTestEnv('handlercheck');
  });
  afterAll(async () => {
    await env?.destroy();
  });

  /** Starts `controllers` as credit's AmqpServer would; returns the start error, if any. */
  async function startWith(
    controllers: Type[],
    events: string[],
    servedRpcs: string[] | 'registry' = [OwnedA.pattern, OwnedB.pattern],
  ): Promise<Error | undefined> {
    @Module({ controllers })
    class M {}
    const connection = new AmqpConnection({
      service: 'credit',
      url: env.env.RABBITMQ_URL,
      prefix: env.prefix,
      rpcTimeoutMs: 1_000,
      maxRetries: 0,
      retryDelayMs: 100,
      prefetch: 1,
      outboxPollMs: 1_000,
      databaseUrl: '',
      relayEnabled: false,
      servedRpcs: servedRpcs === 'registry' ? undefined : servedRpcs,
    });
    const app = await NestFactory.createMicroservice(M, {
      strategy: new AmqpServer(connection, events),
      logger: false,
    });
    try {
      await app.listen();
      return undefined;
    } catch (err) {
      return err as Error;
    } finally {
      await app.close();
      await connection.onApplicationShutdown();
    }
  }

  it('starts when each owned RPC and subscribed event has one handler', async () => {
    await expect(startWith([OwnsA, OwnsB, NotesOnce], [NoteNoInbox.pattern])).resolves.toBe(
      undefined,
    );
  });

  it('refuses an owned RPC without a handler', async () => {
    const err = await startWith([OwnsA], []);
    expect(err?.message).toMatch(/credit refuses to start: RPC probe\.owned-b\.v1 has no handler/);
  });

  it('refuses two handlers for one RPC, old-style or new', async () => {
    const err = await startWith([OwnsA, OwnsB, AlsoOwnsA, OldStyleOwnsA], []);
    expect(err?.message).toContain(
      'probe.owned-a.v1 has 3 handlers (OwnsA.a, AlsoOwnsA.again, a handler)',
    );
  });

  it('starts with two consumers of one event, each its own @OnEvent consumer', async () => {
    const err = await startWith(
      [OwnsA, OwnsB, NotesOnce, NotesOtherConsumer],
      [NoteNoInbox.pattern],
    );
    expect(err).toBeUndefined();
  });

  it('refuses two handlers of one event under one consumer id', async () => {
    const err = await startWith(
      [OwnsA, OwnsB, NotesOnce, NotesSameConsumer],
      [NoteNoInbox.pattern],
    );
    expect(err?.message).toContain(
      'probe.note.loose.v1 has 2 handlers (NotesOnce.one, NotesSameConsumer.copy); several handlers of one event must each be an @OnEvent with its own consumer',
    );
  });

  it('refuses a second handler of one event that declares no consumer (old style)', async () => {
    const err = await startWith([OwnsA, OwnsB, NotesOnce, NotesOldStyle], [NoteNoInbox.pattern]);
    expect(err?.message).toContain('probe.note.loose.v1 has 2 handlers (NotesOnce.one, a handler)');
  });

  it('refuses a handler for a pattern the service does not own or subscribe to', async () => {
    const err = await startWith([OwnsA, OwnsB, HandlesStray, NotesOnce], []);
    expect(err?.message).toContain(
      'probe.stray.v1 is handled (HandlesStray.stray) but is not an RPC of credit',
    );
    expect(err?.message).toContain(
      'probe.note.loose.v1 is handled (NotesOnce.one) but not in SUBSCRIPTIONS',
    );
  });

  it('refuses a subscribed event without a handler', async () => {
    const err = await startWith([OwnsA, OwnsB], [NoteWritten.pattern]);
    expect(err?.message).toContain('event probe.note.written.v1 (SUBSCRIPTIONS) has no handler');
  });

  it("derives a real service's RPC list from the registry", async () => {
    const err = await startWith([], [], 'registry');
    expect(err?.message).toMatch(/RPC credit\.[a-z.-]+\.v1 has no handler/);
    expect(err?.message).not.toMatch(/RPC (invoicing|payout)\./);
  });
});
