import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createHash, createHmac } from 'node:crypto';
import { DomainError } from '@glimmer/errors/domain-error';
import type { GroupCommit } from './group-commit';
import { isUniqueViolation } from './sql';

/**
 * JSON with object keys sorted at every depth, so two bodies that mean the same thing (keys in
 * another order, other whitespace) hash alike. `undefined` members are dropped and `undefined`
 * array items are `null`, as JSON.stringify does. The one canonical form: the gateway's keyed
 * request hashes and the services' idempotency records both use it.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What "the same request" means for an Idempotency-Key: the SHA-256 of the canonical JSON of
 * the fields that matter. With a `key` it is an HMAC: the gateway hashes whole bodies, which may
 * hold a secret (a sign-up password, payout details), and a plain hash would let whoever reads
 * the table check guesses against them.
 */
export function requestHash(fields: Record<string, unknown>, key?: Buffer): string {
  const hash = key ? createHmac('sha256', key) : createHash('sha256');
  return hash.update(canonicalJson(fields)).digest('hex');
}

/**
 * Serialises requests that share one lock name (service, scope, brand, key) until the holder's
 * transaction ends, so a concurrent duplicate waits and then finds the first one's committed
 * row instead of racing it. A unique constraint on the key stays as the backstop.
 */
export async function lockIdempotencyName(em: EntityManager, name: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [name]);
}

/**
 * Several lock names in one statement, in the order given (a group commit passes them sorted:
 * one global order keeps concurrent batches from deadlocking). unnest yields the array in order
 * and nothing sorts or joins the rows, so the locks are taken in that order.
 */
export async function lockIdempotencyNames(em: EntityManager, names: string[]): Promise<void> {
  await em.execute(
    `select pg_advisory_xact_lock(hashtextextended(name, 0)) from unnest(array[?]::text[]) as name`,
    [names],
  );
}

/** The stored request for a key: same hash → replay it; different → 422. */
export function assertSameRequest(storedHash: string, hash: string): void {
  if (storedHash !== hash) {
    throw new DomainError(
      'idempotency_key_reused',
      'this Idempotency-Key was already used with a different request',
    );
  }
}

export interface IdempotentCommand<R> {
  /** Advisory lock name, unique per service, scope, brand and key. */
  lockName: string;
  /** The unique constraint on (scope, key) that backs the lock up. */
  uniqueConstraint: string;
  /** The request hash this call is bound to. */
  hash: string;
  /** What the key already made, if anything: its stored request hash and its result. */
  find(em: EntityManager): Promise<{ requestHash: string; result: () => Promise<R> } | undefined>;
  /** Make the thing (and record the key) in the given transaction. */
  create(em: EntityManager): Promise<R>;
  /**
   * Run in a group commit (a batch of commands sharing one transaction, each under its own
   * savepoint) instead of a transaction of its own. `lockNames` are further advisory locks the
   * create takes, `lockRows` the rows it will lock: the batch takes them up front, in order.
   */
  groupCommit?: { via: GroupCommit; lockNames?: readonly string[]; lockRows?: readonly string[] };
}

/**
 * The one recipe for a create guarded by an Idempotency-Key, owned by the service that owns
 * the row: lock → find by (scope, key) → same request hash (replay) or 422
 * `idempotency_key_reused` → create (key recorded in the same transaction) → on a unique
 * violation of the key (a twin committed first, e.g. across lock names) replay the twin.
 */
export async function runIdempotentCommand<R>(
  orm: MikroORM,
  cmd: IdempotentCommand<R>,
): Promise<R> {
  const replay = async (em: EntityManager) => {
    const found = await cmd.find(em);
    if (!found) return undefined;
    assertSameRequest(found.requestHash, cmd.hash);
    return { value: await found.result() };
  };
  const replayOrCreate = async (em: EntityManager) => {
    const replayed = await replay(em);
    if (replayed) return replayed.value;
    return cmd.create(em);
  };
  try {
    if (cmd.groupCommit) {
      // The batch takes the lock name (with its neighbours', in order) before the item runs.
      return await cmd.groupCommit.via.run({
        lockNames: [cmd.lockName, ...(cmd.groupCommit.lockNames ?? [])],
        lockRows: cmd.groupCommit.lockRows,
        run: replayOrCreate,
      });
    }
    return await orm.em.fork().transactional(async (em) => {
      await lockIdempotencyName(em, cmd.lockName);
      return replayOrCreate(em);
    });
  } catch (err) {
    if (!isUniqueViolation(err, cmd.uniqueConstraint)) throw err;
    const twin = await replay(orm.em.fork());
    if (!twin) throw err;
    return twin.value;
  }
}
