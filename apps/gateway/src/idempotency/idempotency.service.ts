import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import type { GatewayConfig } from '../gateway.config';
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
 * lock a conditional `update … returning`, the writes with `synchronous_commit = off` (see
 * write) — and a lock's expiry is judged by the database's clock, the one that set it. The
 * replayed body is `response_body` as PostgreSQL's json parser returns it, untouched by an ORM
 * type conversion. Going through the entity would add statements or lose one of these.
 */
@Injectable()
export class IdempotencyService {
  /** How long a claim stays locked: longer than any request can run. */
  readonly lockMs: number;
  /** How long a concurrent request waits for the first one's response. */
  readonly waitMs: number;
  private readonly hashKey: Buffer;

  constructor(
    private readonly orm: MikroORM,
    @Inject(CONFIG) config: GatewayConfig,
  ) {
    this.lockMs = config.RPC_TIMEOUT_MS + 10_000;
    this.waitMs = config.RPC_TIMEOUT_MS + 2_000;
    this.hashKey = requestHashKey(config.JWT_SECRET);
  }

  /** The keyed hash a request's record is claimed with (see request-hash.ts). */
  hash(method: string, path: string, body: unknown): string {
    return gatewayRequestHash(this.hashKey, method, path, body);
  }

  /**
   * Runs one bookkeeping statement without waiting for its WAL flush. Safe because these rows
   * are an optimisation, not the guarantee: the services de-duplicate on the same key in their
   * own durable transactions, so a record lost in a PostgreSQL crash only means a retry is
   * answered by the service's replay instead of this table's. It saves two fsyncs per request.
   */
  private write(sql: string, params: unknown[]): Promise<unknown[]> {
    return this.orm.em.fork().transactional(async (em) => {
      await em.execute('set local synchronous_commit = off');
      return em.execute<unknown[]>(sql, params);
    });
  }

  async claim(scope: string, key: string, hash: string): Promise<Claim> {
    const deadline = Date.now() + this.waitMs;
    const em = this.orm.em.fork();
    for (;;) {
      const inserted = await this.write(
        `insert into idempotency_record (scope, key, request_hash, status, locked_until)
         values (?, ?, ?, 'in_progress', now() + ? * interval '1 millisecond')
         on conflict do nothing returning key`,
        [scope, key, hash, this.lockMs],
      );
      if (inserted.length > 0) return { kind: 'execute' };
      const [row] = await em.execute<ClaimedRecord[]>(
        `select request_hash, status, response_status, response_body, locked_until < now() as expired
           from idempotency_record where scope = ? and key = ?`,
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

  /** Remembers the response the client got, to replay it for the same key. */
  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.write(
      `update idempotency_record set status = 'completed', response_status = ?, response_body = ?
        where scope = ? and key = ?`,
      [status, JSON.stringify(body ?? null), scope, key],
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
