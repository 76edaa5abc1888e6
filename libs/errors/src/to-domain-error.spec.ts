import { ConnectionException, DriverException } from '@mikro-orm/core';
import { PostgreSqlExceptionConverter } from '@mikro-orm/postgresql';
import knex from 'knex';
import { createServer, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { toDomainError } from './to-domain-error';

/**
 * The errors a PostgreSQL that goes away mid-request produces, made by the libraries themselves
 * where that needs no database: pg against a socket that is closed on it or refused, knex's pool
 * timing out, MikroORM's converter wrapping them. Each must be a 503, never a 500.
 */
describe('toDomainError: a lost database connection is dependency_unavailable', () => {
  const unavailable = { code: 'dependency_unavailable', status: 503 };
  let dropper: Server;
  let dropperPort: number;

  beforeAll(async () => {
    // Accepts a connection and closes it at once: what a terminated backend looks like to pg.
    dropper = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    dropperPort = (dropper.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => dropper.close(resolve));
  });

  async function pgConnectError(port: number): Promise<unknown> {
    const client = new Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
    client.on('error', () => undefined);
    return client.connect().then(
      () => new Error('connected unexpectedly'),
      (err: unknown) => err,
    );
  }

  it("pg's 'Connection terminated unexpectedly' (no code), also wrapped by MikroORM", async () => {
    const err = await pgConnectError(dropperPort);
    expect((err as Error).message).toBe('Connection terminated unexpectedly');
    expect((err as { code?: string }).code).toBeUndefined();
    expect(toDomainError(err)).toMatchObject(unavailable);
    const wrapped = new PostgreSqlExceptionConverter().convertException(err as Error);
    expect(wrapped).toBeInstanceOf(DriverException);
    expect(toDomainError(wrapped)).toMatchObject(unavailable);
  });

  it('a refused connection (ECONNREFUSED, possibly inside an AggregateError)', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const err = await pgConnectError(port);
    expect(toDomainError(err)).toMatchObject(unavailable);
    const aggregate = new AggregateError([err], 'connect failed');
    expect(toDomainError(aggregate)).toMatchObject(unavailable);
  });

  it("knex's pool acquire timeout (KnexTimeoutError), also wrapped by MikroORM", async () => {
    // Accepts and never answers: the connection is never made, so acquiring it times out.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const db = knex({
      client: 'pg',
      connection: {
        host: '127.0.0.1',
        port: (silent.address() as { port: number }).port,
        user: 'x',
        database: 'x',
      },
      acquireConnectionTimeout: 300,
      pool: { min: 0, max: 1 },
    });
    try {
      const err = await db.raw('select 1').then(
        () => new Error('answered unexpectedly'),
        (e: unknown) => e,
      );
      expect((err as Error).name).toBe('KnexTimeoutError');
      expect((err as Error).message).toMatch(/^Knex: Timeout acquiring a connection/);
      expect(toDomainError(err)).toMatchObject(unavailable);
      const wrapped = new PostgreSqlExceptionConverter().convertException(err as Error);
      expect(wrapped.name).toBe('DriverException');
      expect(toDomainError(wrapped)).toMatchObject(unavailable);
    } finally {
      for (const socket of sockets) socket.destroy();
      await db.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("knex's 'Transaction query already complete' and pg's 'not queryable' (no code)", () => {
    // The exact messages knex/lib/execution/transaction.js and pg/lib/client.js throw.
    for (const message of [
      'Transaction query already complete, run with DEBUG=knex:tx for more info',
      'Client has encountered a connection error and is not queryable',
      'Client was closed and is not queryable',
      'Connection terminated due to connection timeout',
    ]) {
      expect(toDomainError(new Error(message))).toMatchObject(unavailable);
      expect(toDomainError(new DriverException(new Error(message)))).toMatchObject(unavailable);
    }
  });

  it("MikroORM's ConnectionException, and a connection error given as another's cause", () => {
    const refused = new ConnectionException(new Error('connect failed'));
    expect(toDomainError(refused)).toMatchObject(unavailable);
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(toDomainError(new Error('query failed', { cause: reset }))).toMatchObject(unavailable);
  });

  it('PostgreSQL codes for a terminated backend and too many clients; anything else stays internal', () => {
    const terminated = Object.assign(
      new Error('terminating connection due to administrator command'),
      { code: '57P01' },
    );
    expect(toDomainError(terminated)).toMatchObject(unavailable);
    const tooMany = Object.assign(new Error('sorry, too many clients already'), { code: '53300' });
    expect(toDomainError(tooMany)).toMatchObject(unavailable);
    const unique = Object.assign(new Error('duplicate key value'), { code: '23505' });
    expect(toDomainError(unique)).toMatchObject({ code: 'internal', status: 500 });
    expect(toDomainError(new Error('boom'))).toMatchObject({ code: 'internal', status: 500 });
  });
});
