#!/usr/bin/env node
// Transfers through the gateway vs. the same ledger transaction sent straight to PostgreSQL.
//   (a) 1,000 cost codes chosen uniformly by 32 clients
//   (b) one hot cost code that every client draws from (seeded so it never runs dry in the run)
//   (c) the ceiling: (a)'s ledger transaction from this script over 32 PostgreSQL connections
//   (d) the batched ceiling: (c)'s work 32 transfers a transaction (a savepoint each, the
//       batch's accounts locked in id order up front, one commit per batch)
//   (e) a plain PL/pgSQL ledger function (one round trip a transfer), uniform and hot
// Then an over-draw check: 32 clients draw concurrently from a cost code funded with 100 units;
// exactly 100 must move, the rest refused with 409, the balance never below zero (exit 1 if not).
// Targets (issue #2): (a) ≥ 1,000 ops/s, p99 ≤ 50 ms, a/c ≥ 0.5; (b) no errors but 409.
// Usage: npm run build && npm run bench   (BENCH_SECONDS, BENCH_CLIENTS, BENCH_COST_CODES)
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { benchBrand, load, until } from './http.mjs';
import { startSystem } from './system.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const COST_CODES = Number(process.env.BENCH_COST_CODES ?? 1000);
const BATCH = Number(process.env.BENCH_BATCH ?? 32);
// Batches in flight at once for (d), as the credit service's group commit runs (its MAX_IN_FLIGHT).
const BATCH_CLIENTS = Number(process.env.BENCH_BATCH_CLIENTS ?? 4);
const OVERDRAW_FUNDS = 100;
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const pickOther = (list, from) => {
  let to = pick(list);
  while (to === from) to = pick(list);
  return to;
};
let failed = false;

const system = await startSystem('transfers');
try {
  const { brandId, brand, ops } = await benchBrand(system);

  // One cleared deposit funds a hub, which seeds every cost code by transfer.
  const hub = await brand('POST', '/v1/credit/deposits', {
    amount: 90_000_000_000,
    costCode: { code: 'HUB', name: 'Hub' },
  });
  await ops('POST', `/v1/ops/credit-invoices/${hub.body.creditInvoiceId}/mark-paid`);
  await until(
    async () => (await brand('GET', `/v1/cost-codes/${hub.body.costCodeId}`)).body.available > 0,
  );
  const codes = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < COST_CODES) {
        const i = next++;
        const res = await brand('POST', '/v1/credit/transfers', {
          amount: 10_000_000,
          fromCostCodeId: hub.body.costCodeId,
          toCostCode: { code: `CC-${i}`, name: `Cost code ${i}` },
        });
        if (res.status !== 201)
          throw new Error(`seeding failed: ${res.status} ${JSON.stringify(res.body)}`);
        codes.push(res.body.toCostCodeId);
      }
    }),
  );
  const hot = await brand('POST', '/v1/credit/transfers', {
    // 10e9 units: at 1 a transfer the hot code cannot run dry within a run (the hub has 80e9 left).
    amount: 10_000_000_000,
    fromCostCodeId: hub.body.costCodeId,
    toCostCode: { code: 'HOT', name: 'Hot' },
  });
  const hotId = hot.body.toCostCodeId;
  console.log(
    `seeded ${codes.length} cost codes; measuring ${SECONDS}s per scenario with ${CLIENTS} clients`,
  );

  const transfer = async (from, to) =>
    (
      await brand('POST', '/v1/credit/transfers', {
        amount: 1,
        fromCostCodeId: from,
        toCostCodeId: to,
      })
    ).status;
  const uniform = await load({
    clients: CLIENTS,
    durationMs: SECONDS * 1000,
    op: () => {
      const from = pick(codes);
      let to = pick(codes);
      while (to === from) to = pick(codes);
      return transfer(from, to);
    },
  });
  const hotRun = await load({
    clients: CLIENTS,
    durationMs: SECONDS * 1000,
    op: () => transfer(hotId, pick(codes)),
  });

  // (c) The same transaction as the credit service's transfer, straight to PostgreSQL.
  const schema = `${system.prefix}_credit`;
  const pool = new pg.Pool({
    connectionString: system.databaseUrl,
    max: CLIENTS,
    options: `-c search_path=${schema}`,
  });
  const accountsOf = async (where, params) =>
    (
      await pool.query(
        `select c.id, a.id as account from cost_code c join ledger_account a on a.cost_code_id = c.id and a.kind = 'available' where c.brand_id = $1 and ${where}`,
        [brandId, ...params],
      )
    ).rows;
  const rows = await accountsOf(`c.code like 'CC-%'`, []);
  const [hotRow] = await accountsOf('c.id = $2', [hotId]);
  // The service's statements for one transfer of 1 unit, inside the caller's transaction.
  const transferWork = async (db, from, to) => {
    const key = randomUUID();
    const id = randomUUID();
    const tx = randomUUID();
    await db.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `credit:transfer:${brandId}:${key}`,
    ]);
    await db.query('select * from transfer where brand_id = $1 and idempotency_key = $2', [
      brandId,
      key,
    ]);
    for (const c of [from, to])
      await db.query(
        'select c.*, a.id from cost_code c join ledger_account a on a.cost_code_id = c.id where c.id = $1 and c.brand_id = $2',
        [c.id, brandId],
      );
    await db.query(
      `insert into transfer (id, brand_id, from_cost_code_id, to_cost_code_id, amount, currency, idempotency_key, request_hash) values ($1, $2, $3, $4, 1, 'USD', $5, 'h') returning *`,
      [id, brandId, from.id, to.id, key],
    );
    for (const [account, delta] of [
      [from.account, -1],
      [to.account, 1],
    ].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      const r = await db.query(
        delta < 0
          ? `update ledger_account set balance = balance - 1 where id = $1 and balance >= 1 returning currency`
          : `update ledger_account set balance = balance + 1 where id = $1 returning currency`,
        [account],
      );
      if (r.rowCount !== 1) throw Object.assign(new Error('insufficient'), { code: 409 });
    }
    await db.query(
      `insert into journal_transaction (id, brand_id, kind, reference_id) values ($1, $2, 'transfer', $3)`,
      [tx, brandId, id],
    );
    await db.query(
      `insert into journal_entry (transaction_id, account_id, amount) values ($1, $2, -1), ($1, $3, 1)`,
      [tx, from.account, to.account],
    );
  };
  const inTransaction = async (work) => {
    const db = await pool.connect();
    try {
      await db.query('begin');
      const result = await work(db);
      await db.query('commit');
      return result;
    } catch (err) {
      await db.query('rollback');
      throw err;
    } finally {
      db.release();
    }
  };
  const ceiling = await load({
    clients: CLIENTS,
    durationMs: SECONDS * 1000,
    op: () =>
      inTransaction(async (db) => {
        const from = pick(rows);
        await transferWork(db, from, pickOther(rows, from));
        return 201;
      }),
  });

  // (d) The same work in batches: BATCH transfers a transaction, each under a savepoint (a
  // refusal rolls back only its own transfer), the batch's accounts locked in id order first.
  const batched = await load({
    clients: BATCH_CLIENTS,
    durationMs: SECONDS * 1000,
    op: () =>
      inTransaction(async (db) => {
        const pairs = Array.from({ length: BATCH }, () => {
          const from = pick(rows);
          return [from, pickOther(rows, from)];
        });
        const accounts = [...new Set(pairs.flat().map((r) => r.account))].sort();
        await db.query('select id from ledger_account where id = any($1) order by id for update', [
          accounts,
        ]);
        let moved = 0;
        for (const [from, to] of pairs) {
          await db.query('savepoint t');
          try {
            await transferWork(db, from, to);
            await db.query('release savepoint t');
            moved++;
          } catch (err) {
            if (err.code !== 409) throw err;
            await db.query('rollback to savepoint t');
          }
        }
        return moved === BATCH ? 201 : `${moved}/${BATCH}`;
      }),
  });

  // (e) A plain ledger function: one round trip a transfer, each account row locked once (in id
  // order), no advisory lock. Created in a schema of its own in the bench's database, dropped after.
  const fnSchema = `${system.prefix}_bench_fn`;
  await pool.query(`create schema "${fnSchema}"`);
  await pool.query(`
    create function "${fnSchema}".transfer(p_brand uuid, p_from uuid, p_from_account uuid,
        p_to uuid, p_to_account uuid, p_amount bigint, p_key text) returns int
    language plpgsql as $$
    declare
      v_id uuid := gen_random_uuid();
      v_tx uuid := gen_random_uuid();
      v_moved int;
    begin
      insert into "${schema}".transfer (id, brand_id, from_cost_code_id, to_cost_code_id, amount,
          currency, idempotency_key, request_hash)
        values (v_id, p_brand, p_from, p_to, p_amount, 'USD', p_key, 'h');
      if p_from_account < p_to_account then
        update "${schema}".ledger_account set balance = balance - p_amount
          where id = p_from_account and balance >= p_amount;
        get diagnostics v_moved = row_count;
        if v_moved = 0 then raise exception 'insufficient' using errcode = 'P0409'; end if;
        update "${schema}".ledger_account set balance = balance + p_amount where id = p_to_account;
      else
        update "${schema}".ledger_account set balance = balance + p_amount where id = p_to_account;
        update "${schema}".ledger_account set balance = balance - p_amount
          where id = p_from_account and balance >= p_amount;
        get diagnostics v_moved = row_count;
        if v_moved = 0 then raise exception 'insufficient' using errcode = 'P0409'; end if;
      end if;
      insert into "${schema}".journal_transaction (id, brand_id, kind, reference_id)
        values (v_tx, p_brand, 'transfer', v_id);
      insert into "${schema}".journal_entry (transaction_id, account_id, amount)
        values (v_tx, p_from_account, -p_amount), (v_tx, p_to_account, p_amount);
      return 201;
    end $$`);
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const c = new pg.Client({ connectionString: system.databaseUrl });
      await c.connect();
      return c;
    }),
  );
  const callFn = async (db, from, to) => {
    try {
      await db.query(`select "${fnSchema}".transfer($1, $2, $3, $4, $5, 1, $6)`, [
        brandId,
        from.id,
        from.account,
        to.id,
        to.account,
        randomUUID(),
      ]);
      return 201;
    } catch (err) {
      if (err.code === 'P0409') return 409;
      throw err;
    }
  };
  const fnLoad = (choose) => {
    let n = 0;
    const free = [...clients];
    return load({
      clients: CLIENTS,
      durationMs: SECONDS * 1000,
      op: async () => {
        const db = free.pop() ?? clients[n++ % CLIENTS];
        try {
          const [from, to] = choose();
          return await callFn(db, from, to);
        } finally {
          free.push(db);
        }
      },
    });
  };
  const fnUniform = await fnLoad(() => {
    const from = pick(rows);
    return [from, pickOther(rows, from)];
  });
  const fnHot = await fnLoad(() => [hotRow, pick(rows)]);
  await Promise.all(clients.map((c) => c.end()));
  await pool.query(`drop schema "${fnSchema}" cascade`);

  // Over-draw: OVERDRAW_FUNDS units, CLIENTS clients drawing 1, 2 or 5 at once (falling back
  // to 1 when refused) until a draw of 1 is refused. Exactly the funded amount may move.
  const funded = await brand('POST', '/v1/credit/transfers', {
    amount: OVERDRAW_FUNDS,
    fromCostCodeId: hub.body.costCodeId,
    toCostCode: { code: 'OVERDRAW', name: 'Over-draw' },
  });
  const sink = await brand('POST', '/v1/credit/transfers', {
    amount: 1,
    fromCostCodeId: hub.body.costCodeId,
    toCostCode: { code: 'SINK', name: 'Sink' },
  });
  const [overdrawRow] = await accountsOf('c.id = $2', [funded.body.toCostCodeId]);
  const balanceOf = async (account) =>
    Number(
      (await pool.query('select balance from ledger_account where id = $1', [account])).rows[0]
        .balance,
    );
  const [sinkRow] = await accountsOf('c.id = $2', [sink.body.toCostCodeId]);
  const sinkBefore = await balanceOf(sinkRow.account);
  const draws = { 201: 0, 409: 0, other: {} };
  let movedUnits = 0;
  let lowest = OVERDRAW_FUNDS;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      lowest = Math.min(lowest, await balanceOf(overdrawRow.account));
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      let amount = pick([1, 2, 5]);
      for (;;) {
        const res = await brand('POST', '/v1/credit/transfers', {
          amount,
          fromCostCodeId: funded.body.toCostCodeId,
          toCostCodeId: sink.body.toCostCodeId,
        });
        if (res.status === 201) {
          draws[201]++;
          movedUnits += amount;
          amount = pick([1, 2, 5]);
        } else if (res.status === 409) {
          draws[409]++;
          if (amount === 1) return;
          amount = 1;
        } else {
          draws.other[res.status] = (draws.other[res.status] ?? 0) + 1;
          return;
        }
      }
    }),
  );
  sampling = false;
  await sampler;
  const overdrawAfter = await balanceOf(overdrawRow.account);
  const sinkGained = (await balanceOf(sinkRow.account)) - sinkBefore;
  lowest = Math.min(lowest, overdrawAfter);
  const overdrawOk =
    movedUnits === OVERDRAW_FUNDS &&
    sinkGained === OVERDRAW_FUNDS &&
    overdrawAfter === 0 &&
    lowest >= 0 &&
    draws[409] >= CLIENTS &&
    Object.keys(draws.other).length === 0;
  if (!overdrawOk) failed = true;
  await pool.end();

  const verify = await ops('GET', '/v1/ops/ledger/verify');
  const row = (name, r, per = 1) =>
    `${name.padEnd(40)} ${(r.opsPerSecond * per).toFixed(0).padStart(7)} transfers/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   ${JSON.stringify(r.statuses)}`;
  const ratio = (x, y) => (x / y).toFixed(2);
  const dRate = batched.opsPerSecond * BATCH;
  console.log('');
  console.log(row('(a) gateway, 1,000 cost codes', uniform));
  console.log(row('(b) gateway, one hot cost code', hotRun));
  console.log(
    `    (b) moved credit (201): ${hotRun.statuses[201] ?? 0}   refused (409): ${hotRun.statuses[409] ?? 0}`,
  );
  console.log(row('(c) PostgreSQL direct (ceiling)', ceiling));
  console.log(
    row(`(d) PostgreSQL direct, ${BATCH} a transaction × ${BATCH_CLIENTS}`, batched, BATCH),
  );
  console.log(`    (d) latencies are per batch of ${BATCH}; statuses per batch`);
  console.log(row('(e) PL/pgSQL function, 1,000 cost codes', fnUniform));
  console.log(row('(e) PL/pgSQL function, one hot code', fnHot));
  console.log(
    `a/c = ${ratio(uniform.opsPerSecond, ceiling.opsPerSecond)}   b/c = ${ratio(hotRun.opsPerSecond, ceiling.opsPerSecond)}   a/d = ${ratio(uniform.opsPerSecond, dRate)}   b/d = ${ratio(hotRun.opsPerSecond, dRate)}`,
  );
  const hotErrors = Object.keys(hotRun.statuses).filter((s) => s !== '201' && s !== '409');
  if (hotErrors.length) failed = true;
  console.log(
    `(b) statuses other than 201/409: ${hotErrors.length ? hotErrors.join(', ') : 'none'}`,
  );
  console.log(
    `over-draw check (${OVERDRAW_FUNDS} units, ${CLIENTS} clients): ${overdrawOk ? 'ok' : 'FAILED'} — moved ${movedUnits} (sink +${sinkGained}), ${draws[201]} draws 201, ${draws[409]} refused 409, other ${JSON.stringify(draws.other)}, balance after ${overdrawAfter}, lowest seen ${lowest}`,
  );
  if (!verify.body.ok) failed = true;
  console.log(
    `ledger check after the run: ok=${verify.body.ok} transactions=${verify.body.checkedTransactions} mismatches=${verify.body.mismatches?.length}`,
  );
} finally {
  await system.stop();
}
if (failed) {
  console.error('FAILED: see above');
  process.exitCode = 1;
}
