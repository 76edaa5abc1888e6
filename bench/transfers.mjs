#!/usr/bin/env node
// Transfers through the gateway vs. the same ledger transaction sent straight to PostgreSQL.
//   (a) 1,000 cost codes chosen uniformly by 32 clients
//   (b) one hot cost code that every client draws from (until it runs dry: 409s are expected)
//   (c) the ceiling: (a)'s ledger transaction from this script over 32 PostgreSQL connections
// Targets (issue #2): (a) ≥ 1,000 ops/s, p99 ≤ 50 ms, a/c ≥ 0.5; (b) no errors but 409.
// Usage: npm run build && npm run bench   (BENCH_SECONDS, BENCH_CLIENTS, BENCH_COST_CODES)
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { benchBrand, load, until } from './http.mjs';
import { startSystem } from './system.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const COST_CODES = Number(process.env.BENCH_COST_CODES ?? 1000);
const pick = (list) => list[Math.floor(Math.random() * list.length)];

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
    amount: 3_000,
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
  const { rows } = await pool.query(
    `select c.id, a.id as account from cost_code c join ledger_account a on a.cost_code_id = c.id and a.kind = 'available' where c.brand_id = $1 and c.code like 'CC-%'`,
    [brandId],
  );
  const ceiling = await load({
    clients: CLIENTS,
    durationMs: SECONDS * 1000,
    op: async () => {
      const from = pick(rows);
      let to = pick(rows);
      while (to === from) to = pick(rows);
      const db = await pool.connect();
      try {
        const key = randomUUID();
        const id = randomUUID();
        const tx = randomUUID();
        await db.query('begin');
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
        await db.query('commit');
        return 201;
      } catch (err) {
        await db.query('rollback');
        throw err;
      } finally {
        db.release();
      }
    },
  });
  await pool.end();

  const verify = await ops('GET', '/v1/ops/ledger/verify');
  const row = (name, r) =>
    `${name.padEnd(34)} ${r.opsPerSecond.toFixed(0).padStart(7)} ops/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   ${JSON.stringify(r.statuses)}`;
  console.log('');
  console.log(row('(a) gateway, 1,000 cost codes', uniform));
  console.log(row('(b) gateway, one hot cost code', hotRun));
  console.log(row('(c) PostgreSQL direct (ceiling)', ceiling));
  console.log(
    `a/c = ${(uniform.opsPerSecond / ceiling.opsPerSecond).toFixed(2)}   b/c = ${(hotRun.opsPerSecond / ceiling.opsPerSecond).toFixed(2)}`,
  );
  const hotErrors = Object.keys(hotRun.statuses).filter((s) => s !== '201' && s !== '409');
  console.log(
    `(b) statuses other than 201/409: ${hotErrors.length ? hotErrors.join(', ') : 'none'}`,
  );
  console.log(
    `ledger check after the run: ok=${verify.body.ok} transactions=${verify.body.checkedTransactions} mismatches=${verify.body.mismatches?.length}`,
  );
} finally {
  await system.stop();
}
