import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { CONFIG } from '@glimmer/config/config';
import { schemaFor } from '@glimmer/database/database.options';
import { DomainError } from '@glimmer/errors/domain-error';
import { GatewayConfig, gatewayDatabase } from '../gateway.config';
import { gatewayRequestHash, requestHashKey } from './request-hash';

export type Claim = { kind: 'execute' } | { kind: 'replay'; status: number; body: unknown };

/** What the claim loop's select reads (SQL on purpose, see IdempotencyService). */
interface ClaimedRecord {
  request_hash: string;
  status: 'in_progress' | 'completed';
  response_status: number | null;
  response_body: unknown;
  expired: boolean;
}

const POLL_MS = 25;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The idempotency_record table. A request first claims its (scope, key) with an in_progress row
 * and a lock deadline; the one that inserts it runs, the others wait for its response. A lock
 * that expired (its gateway died) is taken over by exactly one request.
 *
 * SQL on purpose (the table's shape is the IdempotencyRecord entity): this runs on every keyed
 * request of the transfer path (`npm run bench`), so each step is one statement in one round
 * trip — the claim an `insert … on conflict do nothing returning`, the take-over of an expired
 * lock a conditional `update … returning`, the stored response one `update` — and a lock's
 * expiry is judged by the database's clock, the one that set it. The replayed body is
 * `response_body` as the pg driver's JSON parser returns it, untouched by an ORM type
 * conversion. Going through the entity would add statements or lose one of these.
 *
 * The claim and the stored response go over a pool of their own (`bookkeeping`), whose sessions
 * run with `synchronous_commit = off`, each statement its own transaction: one round trip each,
 * where a `set local` in a transaction on the ORM's connections took four (begin, set, the
 * statement, commit). Not waiting for the WAL flush is safe because these rows are an
 * optimisation, not the guarantee: the services de-duplicate on the same key in their own
 * durable transactions, so a record lost in a PostgreSQL crash only means a retry is answered
 * by the service's replay instead of this table's. It saves two fsyncs per request. Taking over
 * an expired lock and releasing a failed claim are rare and stay durable, on the ORM's
 * connections.
 */
@Injectable()
export class IdempotencyService implements OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyService.name);
  /** How long a claim stays locked: longer than any request can run. */
  readonly lockMs: number;
  /** How long a concurrent request waits for the first one's response. */
  readonly waitMs: number;
  private readonly hashKey: Buffer;
  /**
   * A quarter of DB_POOL_MAX more connections (at least one): a statement holds one for a single
   * round trip. Idle ones close after 10 s (pg's default), so an idle gateway holds none.
   */
  private readonly bookkeeping: Pool;

  constructor(
    private readonly orm: MikroORM,
    @Inject(CONFIG) config: GatewayConfig,
  ) {
    this.lockMs = config.RPC_TIMEOUT_MS + 10_000;
    this.waitMs = config.RPC_TIMEOUT_MS + 2_000;
    this.hashKey = requestHashKey(config.JWT_SECRET);
    const db = gatewayDatabase(config);
    this.bookkeeping = new Pool({
      connectionString: db.databaseUrl,
      options: `-c search_path=${schemaFor(db.prefix, db.service)} -c synchronous_commit=off`,
      max: Math.max(1, Math.ceil(config.DB_POOL_MAX / 4)),
    });
    // An idle connection the server ended: the next statement opens another.
    this.bookkeeping.on('error', (err) =>
      this.logger.warn(`an idle idempotency bookkeeping connection failed: ${err.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bookkeeping.end();
  }

  /** The keyed hash a request's record is claimed with (see request-hash.ts). */
  hash(method: string, path: string, body: unknown): string {
    return gatewayRequestHash(this.hashKey, method, path, body);
  }

  async claim(scope: string, key: string, hash: string): Promise<Claim> {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const inserted = await this.bookkeeping.query(
        `insert into idempotency_record (scope, key, request_hash, status, locked_until)
         values ($1, $2, $3, 'in_progress', now() + $4 * interval '1 millisecond')
         on conflict do nothing returning key`,
        [scope, key, hash, this.lockMs],
      );
      if (inserted.rows.length > 0) return { kind: 'execute' };
      const {
        rows: [row],
      } = await this.bookkeeping.query<ClaimedRecord>(
        `select request_hash, status, response_status, response_body, locked_until < now() as expired
           from idempotency_record where scope = $1 and key = $2`,
        [scope, key],
      );
      if (row && row.request_hash !== hash) throw new DomainError('idempotency_key_reused');
      if (row?.status === 'completed')
        return { kind: 'replay', status: row.response_status!, body: row.response_body };
      if (row?.expired && (await this.takeOver(scope, key))) return { kind: 'execute' };
      if (Date.now() > deadline) {
        throw new DomainError(
          'idempotency_request_in_progress',
          'Retry once the first request has finished',
        );
      }
      // A row that vanished was released by a failed attempt: the next round claims it afresh.
      if (row) await sleep(POLL_MS);
    }
  }

  /** Only one of several requests finding the same expired lock gets the row. */
  private async takeOver(scope: string, key: string): Promise<boolean> {
    const rows = await this.orm.em.fork().execute<unknown[]>(
      `update idempotency_record set locked_until = now() + ? * interval '1 millisecond'
        where scope = ? and key = ? and status = 'in_progress' and locked_until < now()
        returning key`,
      [this.lockMs, scope, key],
    );
    return rows.length > 0;
  }

  /**
   * Remembers the response the client got, to replay it for the same key. `json` is the body's
   * JSON text, as the client receives it.
   */
  async complete(scope: string, key: string, status: number, json: string): Promise<void> {
    await this.bookkeeping.query(
      `update idempotency_record set status = 'completed', response_status = $1, response_body = $2
        where scope = $3 and key = $4`,
      [status, json, scope, key],
    );
  }

  /** Forgets a claim whose request failed in a way a retry may fix (5xx, invalid input). */
  async release(scope: string, key: string): Promise<void> {
    await this.orm.em
      .fork()
      .execute(
        `delete from idempotency_record where scope = ? and key = ? and status = 'in_progress'`,
        [scope, key],
      );
  }
}
