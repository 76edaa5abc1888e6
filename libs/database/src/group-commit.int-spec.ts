import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { GroupCommit, GroupCommitOptions } from './group-commit';
import { UNIQUE_VIOLATION } from './sql';

/** Against the real PostgreSQL: what one batch shares, and what each item keeps to itself. */
describe('GroupCommit', () => {
  let env: TestEnv;
  let orm: MikroORM;
  const batches: { size: number; outcome: string }[] = [];

  const groupCommit = (options: Partial<GroupCommitOptions> = {}) =>
    new GroupCommit(orm, {
      windowMs: 5,
      maxBatch: 64,
      maxInFlight: 1,
      lockRows: async (em, ids) => {
        await em.execute(`select 1 from gc_account where id in (?) order by id for update`, [ids]);
      },
      onBatch: (size, outcome) => batches.push({ size, outcome }),
      ...options,
    });
  const sql = <T>(query: string, params: unknown[] = []) =>
    orm.em.fork().execute<T[]>(query, params);
  const txid = async (em: EntityManager) =>
    (await em.execute<{ txid: string }[]>('select txid_current()::text as txid'))[0].txid;

  beforeAll(async () => {
    env = await createTestEnv('groupcommit');
    orm = await MikroORM.init({
      clientUrl: env.databaseUrl,
      entities: [],
      discovery: { warnWhenNoEntities: false },
      allowGlobalContext: false,
      pool: { min: 0, max: 8 },
    });
    // The unique key is checked at commit: an item can pass its savepoint and fail the commit.
    await sql(`create table gc_row (k int not null,
      constraint gc_row_k unique (k) deferrable initially deferred)`);
    await sql(`create table gc_account (id int primary key, balance int not null)`);
    await sql(`insert into gc_account select g, 1000 from generate_series(1, 6) g`);
  });
  afterAll(async () => {
    await orm.close();
    await env.destroy();
  });
  beforeEach(async () => {
    batches.length = 0;
    await sql('truncate gc_row');
  });

  it('runs work that arrives together in one transaction with one commit', async () => {
    const gc = groupCommit();
    const ids = await Promise.all(Array.from({ length: 10 }, () => gc.run({ run: txid })));
    expect(new Set(ids).size).toBe(1);
    expect(batches).toEqual([{ size: 10, outcome: 'committed' }]);
  });

  it('keeps a failing item to itself: its savepoint rolls back, its neighbours commit', async () => {
    const gc = groupCommit();
    const insert = (k: number, fail = false) =>
      gc.run({
        run: async (em) => {
          await em.execute('insert into gc_row (k) values (?)', [k]);
          if (fail) throw new Error(`item ${k} refused`);
          return k;
        },
      });
    const results = await Promise.allSettled([insert(1), insert(2, true), insert(3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('item 2 refused'));
    expect((await sql<{ k: number }>('select k from gc_row order by k')).map((r) => r.k)).toEqual([
      1, 3,
    ]);
    expect(batches).toEqual([
      { size: 3, outcome: 'isolated' },
      { size: 3, outcome: 'committed' },
    ]);
  });

  it('re-runs each item alone when the commit fails, so only the item at fault fails', async () => {
    const gc = groupCommit();
    const insert = (k: number) =>
      gc.run({
        run: async (em) => {
          await em.execute('insert into gc_row (k) values (?)', [k]);
          return k;
        },
      });
    // Two items claim k = 1: each passes its savepoint, the batch's commit fails on the key.
    const results = await Promise.allSettled([insert(1), insert(1), insert(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: UNIQUE_VIOLATION });
    expect((await sql<{ k: number }>('select k from gc_row order by k')).map((r) => r.k)).toEqual([
      1, 2,
    ]);
    expect(batches[0]).toEqual({ size: 3, outcome: 'failed' });
    expect(batches.slice(1).map((b) => b.size)).toEqual([1, 1, 1]);
  });

  it('gives each item its own identity map, so it reads what its predecessors wrote', async () => {
    const gc = groupCommit();
    const seen = await Promise.all(
      [1, 2, 3].map((k) =>
        gc.run({
          run: async (em) => {
            await em.execute('insert into gc_row (k) values (?)', [k]);
            return (await em.execute<{ n: string }[]>('select count(*)::text as n from gc_row'))[0]
              .n;
          },
        }),
      ),
    );
    expect(seen).toEqual(['1', '2', '3']);
  });

  it('splits a queue longer than maxBatch into batches', async () => {
    const gc = groupCommit({ maxBatch: 4 });
    await Promise.all(Array.from({ length: 10 }, () => gc.run({ run: txid })));
    expect(batches.map((b) => b.size)).toEqual([4, 4, 2]);
  });

  it('holds back items whose rows a running batch holds, so they share the next batch, and runs other rows beside it', async () => {
    const gc = groupCommit({ maxInFlight: 4, windowMs: 1 });
    const on = (row: number, sleep = 0) =>
      gc.run({
        lockRows: [String(row)],
        run: async (em) => {
          if (sleep) await em.execute('select pg_sleep(?)', [sleep]);
          return { txid: await txid(em), at: Date.now() };
        },
      });
    const slow = on(1, 0.3);
    await new Promise((r) => setTimeout(r, 50));
    const waiting = Array.from({ length: 20 }, () => on(1));
    const beside = on(2);
    const [first, other, rest] = await Promise.all([slow, beside, Promise.all(waiting)]);
    expect(other.at).toBeLessThan(first.at);
    expect(new Set(rest.map((r) => r.txid)).size).toBe(1);
    expect(batches.map((b) => b.size)).toEqual([1, 1, 20]);
  });

  it('never deadlocks: batches of two processes moving between the same rows both ways all commit', async () => {
    // Two instances (two replicas): within one, batches on shared rows take turns; across the
    // two, only the up-front locks in id order keep them from deadlocking.
    const replicas = [0, 1].map(() => groupCommit({ maxInFlight: 4, maxBatch: 8, windowMs: 1 }));
    const move = (from: number, to: number) =>
      replicas[from % 2].run({
        lockRows: [String(from), String(to)],
        run: async (em) => {
          // In the item's own order (from first): only the batch's up-front locks keep this safe.
          await em.execute('update gc_account set balance = balance - 1 where id = ?', [from]);
          await em.execute('update gc_account set balance = balance + 1 where id = ?', [to]);
          return true;
        },
      });
    const moves = Array.from({ length: 300 }, (_, i) => {
      const from = (i % 6) + 1;
      const to = ((i * 5 + 3) % 6) + 1;
      return from === to ? move(from, (from % 6) + 1) : move(from, to);
    });
    const results = await Promise.allSettled(moves);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(batches.some((b) => b.size > 1)).toBe(true);
    expect(batches.every((b) => b.outcome === 'committed')).toBe(true);
    const [total] = await sql<{ sum: string }>('select sum(balance)::text as sum from gc_account');
    expect(total.sum).toBe('6000');
  });

  it("runs a deadlock's victim again, so both sides of a deadlock succeed", async () => {
    // Two batches (two processes) locking the same two rows in opposite orders, late — as an
    // item does with an account it could not name up front.
    const [first, second] = [groupCommit(), groupCommit()];
    const crossing = (gc: GroupCommit, a: number, b: number) =>
      gc.run({
        run: async (em) => {
          await em.execute('update gc_account set balance = balance - 1 where id = ?', [a]);
          await em.execute('select pg_sleep(0.3)');
          await em.execute('update gc_account set balance = balance + 1 where id = ?', [b]);
          return a;
        },
      });
    const results = await Promise.allSettled([crossing(first, 1, 2), crossing(second, 2, 1)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(batches.filter((b) => b.outcome === 'rolled_back')).toHaveLength(1);
    const [total] = await sql<{ sum: string }>('select sum(balance)::text as sum from gc_account');
    expect(total.sum).toBe('6000');
  });
});
