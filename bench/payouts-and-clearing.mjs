#!/usr/bin/env node
// Issue #4's benchmark: clearing N deposits and scheduling N payouts through the running
// services, with proof that each ran exactly once.
//
//   clearing:   N deposits with confirmed funds (seeded in SQL as the credit service writes
//               them) → N clear-deposit jobs on the scheduler's BullMQ queue, plus 10% duplicate
//               jobs under other ids (a job that runs twice) → scheduler → RPC → credit ledger.
//               Measured from the first job enqueued to the last deposit cleared.
//   scheduling: N creators with a payout method (seeded in SQL) → N invoice-paid events on the
//               broker, plus 5% redeliveries (same message id) and 5% re-publications (new id)
//               → payout service (inbox, payout row, outbox) → scheduler → one delayed
//               dispatch job per payout. Measured from the first event published to the last
//               delayed job in Redis.
// Targets: clearing ≥ 2,000/s, scheduling ≥ 5,000/s.
// Usage: npm run build && npm run bench:payouts   (BENCH_N, default 100000; BENCH_CONCURRENCY)
import { randomUUID } from 'node:crypto';
import amqplib from 'amqplib';
import { Queue } from 'bullmq';
import pg from 'pg';
import { benchBrand, until } from './http.mjs';
import { startSystem } from './system.mjs';

const N = Number(process.env.BENCH_N ?? 100_000);
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '50';
const COST_CODES = 100;
const CHUNK = 5_000;

const system = await startSystem('payouts', {
  // The scheduler's workers and each consumer's prefetch: the knobs an operator scales with.
  WORKER_CONCURRENCY: CONCURRENCY,
  MESSAGE_PREFETCH: '200',
  DB_POOL_MAX: '20',
  // Payouts stay scheduled (three days out) so the run measures scheduling, not sending.
  PAYOUT_DISPATCH_DELAY_MS: String(3 * 86_400_000),
});
const db = new pg.Pool({ connectionString: system.databaseUrl, max: 4 });
const sql = async (text, params) => (await db.query(text, params)).rows;
const schema = (service) => `"${system.prefix}_${service}"`;
const redis = { connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' } };
const queue = (name) => new Queue(name, { ...redis, prefix: `${system.prefix}:bull` });
const rate = (count, ms) => Math.round((count / ms) * 1000);

async function waitFor(label, probe, target) {
  const started = Date.now();
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const value = await probe();
    if (value >= target) return Date.now();
    if (value !== last) [last, lastChange] = [value, Date.now()];
    if (Date.now() - lastChange > 120_000)
      throw new Error(`${label}: stuck at ${value}/${target} for 2 min`);
    if (Date.now() - started > 3_600_000) throw new Error(`${label}: over an hour`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

try {
  const { brandId, brand, ops, tag } = await benchBrand(system);
  const codes = [];
  for (let i = 0; i < COST_CODES; i++) {
    const res = await brand('POST', '/v1/cost-codes', { code: `B-${i}`, name: `Bench ${i}` });
    if (res.status !== 201) throw new Error(`cost code: ${res.status} ${JSON.stringify(res.body)}`);
    codes.push(res.body.id);
  }

  // ── clearing ────────────────────────────────────────────────────────────────────────────
  console.log(`seeding ${N} deposits with confirmed funds over ${COST_CODES} cost codes…`);
  const credit = schema('credit');
  await sql(
    `
    with funding as (
      insert into ${credit}.ledger_account (id, brand_id, kind, currency)
      values (gen_random_uuid(), $1, 'funding', 'USD')
      on conflict do nothing returning id)
    select 1`,
    [brandId],
  );
  for (let from = 0; from < N; from += CHUNK) {
    const count = Math.min(CHUNK, N - from);
    await sql(
      `with d as (
         select gen_random_uuid() as id, gen_random_uuid() as tx, gen_random_uuid() as inv,
                ($2::uuid[])[1 + (g % cardinality($2::uuid[]))] as cost_code_id, 100 + g % 900 as amount, g
           from generate_series($3::int, $3::int + $4::int - 1) g),
       dep as (
         insert into ${credit}.deposit (id, brand_id, cost_code_id, amount, currency, status,
           credit_invoice_id, idempotency_key, request_hash, version, funds_confirmed_at, funds_confirmed_by)
         select id, $1, cost_code_id, amount, 'USD', 'pending', inv, 'bench-' || g, 'bench', 2, now(), 'bench'
           from d returning 1),
       tx as (
         insert into ${credit}.journal_transaction (id, brand_id, kind, reference_id)
         select tx, $1, 'deposit_pending', id from d returning 1),
       entries as (
         insert into ${credit}.journal_entry (transaction_id, account_id, amount)
         select d.tx, a.id, case when a.kind = 'funding' then -d.amount else d.amount end
           from d join ${credit}.ledger_account a
             on (a.kind = 'pending' and a.cost_code_id = d.cost_code_id)
             or (a.kind = 'funding' and a.brand_id = $1 and a.cost_code_id is null)
         returning 1)
       select (select count(*) from dep) + (select count(*) from tx) + (select count(*) from entries)`,
      [brandId, codes, from, count],
    );
  }
  // Balances follow their entries, as the ledger check will prove.
  await sql(
    `update ${credit}.ledger_account a set balance = coalesce(
      (select sum(amount) from ${credit}.journal_entry e where e.account_id = a.id), 0)
    where a.brand_id = $1`,
    [brandId],
  );
  // Invoicing already holds each deposit's credit invoice as paid (funds confirmed = version 2),
  // as it would in production: clearing then changes its projection without new emails.
  await sql(
    `insert into ${schema('invoicing')}.credit_invoice (id, brand_id, deposit_id, cost_code_id, cost_code,
       amount, currency, status, version, issued_at, paid_at)
     select d.credit_invoice_id, d.brand_id, d.id, d.cost_code_id, c.code, d.amount, 'USD', 'paid',
            2, d.created_at, d.funds_confirmed_at
       from ${credit}.deposit d join ${credit}.cost_code c on c.id = d.cost_code_id
      where d.brand_id = $1 and d.funds_confirmed_by = 'bench'`,
    [brandId],
  );
  const depositIds = (
    await sql(
      `select id from ${credit}.deposit where brand_id = $1 and funds_confirmed_by = 'bench'`,
      [brandId],
    )
  ).map((r) => r.id);

  const clearing = queue('deposit-clearing');
  const correlationId = `bench-${tag}`;
  const clearStarted = Date.now();
  for (let i = 0; i < depositIds.length; i += 1000) {
    const batch = depositIds.slice(i, i + 1000);
    await clearing.addBulk(
      batch.map((depositId) => ({
        name: 'clear-deposit',
        data: { depositId, correlationId },
        opts: {
          jobId: `clear-deposit.${depositId}`,
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: 1000,
        },
      })),
    );
    // A tenth again under other ids: the same clearing asked for twice must clear once.
    await clearing.addBulk(
      batch
        .filter((_, j) => j % 10 === 0)
        .map((depositId) => ({
          name: 'clear-deposit',
          data: { depositId, correlationId },
          opts: {
            jobId: `clear-deposit.${depositId}.again`,
            attempts: 8,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: 1000,
          },
        })),
    );
  }
  const enqueued = Date.now();
  const cleared = await waitFor(
    'clearing',
    async () =>
      Number(
        (
          await sql(
            `select count(*) from ${credit}.deposit where brand_id = $1 and status = 'cleared'`,
            [brandId],
          )
        )[0].count,
      ),
    N,
  );
  await until(
    async () => (await clearing.getJobCounts('wait', 'active', 'delayed')).wait === 0,
    120_000,
  );
  // Invoicing's credit invoices follow every clearing (an event each): the scheduling run starts
  // only when that backlog is consumed, so it is not measured against the clearing's tail.
  const invoicing = schema('invoicing');
  const projected = await waitFor(
    'invoicing projection',
    async () =>
      Number(
        (
          await sql(
            `select count(*) from ${invoicing}.credit_invoice where brand_id = $1 and version >= 3`,
            [brandId],
          )
        )[0].count,
      ),
    N,
  );
  const [clearProof] = await sql(
    `select count(*) as transactions, count(distinct reference_id) as deposits
       from ${credit}.journal_transaction where brand_id = $1 and kind = 'deposit_cleared'`,
    [brandId],
  );
  await clearing.close();

  // ── scheduling ──────────────────────────────────────────────────────────────────────────
  console.log(`seeding ${N} creators with a payout method…`);
  const payout = schema('payout');
  for (let from = 0; from < N; from += CHUNK) {
    await sql(
      `with c as (
         insert into ${payout}.creator (id, name, email)
         select gen_random_uuid(), 'Creator ' || g, 'creator-' || g || '@bench.test'
           from generate_series($1::int, $1::int + $2::int - 1) g returning id)
       insert into ${payout}.payout_method (id, creator_id, type, country, details, masked, preferred)
       select gen_random_uuid(), id, 'payoneer', 'GB', jsonb_build_object('email', 'p@bench.test'),
              jsonb_build_object('email', 'p@bench.test'), true from c`,
      [from, Math.min(CHUNK, N - from)],
    );
  }
  const creators = (await sql(`select id from ${payout}.creator`)).map((r) => r.id);

  const connection = await amqplib.connect(
    process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  );
  const channel = await connection.createConfirmChannel();
  const exchange = `${system.prefix}.events`;
  const pattern = 'invoicing.project-invoice.paid.v1';
  const publish = (messageId, payload) =>
    channel.publish(exchange, pattern, Buffer.from(JSON.stringify(payload)), {
      messageId,
      type: pattern,
      contentType: 'application/json',
      persistent: true,
      headers: { 'x-correlation-id': correlationId },
    });
  const dispatch = queue('payout-dispatch');
  const paidAt = new Date().toISOString();
  const scheduleStarted = Date.now();
  let duplicates = 0;
  for (let i = 0; i < creators.length; i++) {
    const event = {
      invoiceId: randomUUID(),
      projectId: randomUUID(),
      brandId,
      creatorId: creators[i],
      title: `Project ${i}`,
      amount: 10_000 + (i % 1000),
      currency: 'USD',
      paidAt,
    };
    const messageId = randomUUID();
    publish(messageId, event);
    // A redelivery (same message id) and a re-publication (new id) of some events.
    const again = i % 20 === 0 ? messageId : i % 20 === 10 ? randomUUID() : null;
    if (again) {
      publish(again, event);
      duplicates += 1;
    }
    if (i % 1000 === 999) await channel.waitForConfirms();
  }
  await channel.waitForConfirms();
  const published = Date.now();
  const scheduled = await waitFor(
    'scheduling',
    async () => (await dispatch.getJobCounts('delayed')).delayed,
    N,
  );
  await new Promise((r) => setTimeout(r, 5_000)); // any straggling duplicate would show now
  const [scheduleProof] = await sql(
    `select count(*) as payouts, count(distinct invoice_id) as invoices,
            count(*) filter (where status = 'scheduled') as scheduled from ${payout}.payout`,
  );
  const jobs = await dispatch.getJobCounts('delayed', 'wait', 'active', 'completed', 'failed');
  await dispatch.close();
  await connection.close();

  const ledger = await ops('GET', '/v1/ops/ledger/verify');
  console.log('\nclearing');
  console.log(`  enqueue ${N + Math.ceil(N / 10)} jobs: ${rate(N, enqueued - clearStarted)}/s`);
  console.log(
    `  cleared ${N} deposits in ${((cleared - clearStarted) / 1000).toFixed(1)} s → ${rate(N, cleared - clearStarted)} deposits/s (target ≥ 2,000/s)`,
  );
  console.log(
    `  invoicing's credit invoices caught up in ${((projected - clearStarted) / 1000).toFixed(1)} s → ${rate(N, projected - clearStarted)}/s`,
  );
  console.log(
    `  proof: ${clearProof.transactions} deposit_cleared transactions for ${clearProof.deposits} deposits (${N} expected, ${Math.ceil(N / 10)} duplicate jobs ran)`,
  );
  console.log('scheduling');
  console.log(
    `  published ${N} events + ${duplicates} duplicates: ${rate(N + duplicates, published - scheduleStarted)}/s`,
  );
  console.log(
    `  scheduled ${N} payouts in ${((scheduled - scheduleStarted) / 1000).toFixed(1)} s → ${rate(N, scheduled - scheduleStarted)} payouts/s (target ≥ 5,000/s)`,
  );
  console.log(
    `  proof: ${scheduleProof.payouts} payouts for ${scheduleProof.invoices} invoices, ${scheduleProof.scheduled} scheduled; dispatch jobs ${JSON.stringify(jobs)}`,
  );
  console.log(
    `ledger check: ok=${ledger.body.ok}, ${ledger.body.checkedTransactions} transactions, ${ledger.body.mismatches?.length} mismatches`,
  );
  const exact =
    Number(clearProof.transactions) === N &&
    Number(clearProof.deposits) === N &&
    Number(scheduleProof.payouts) === N &&
    Number(scheduleProof.invoices) === N &&
    jobs.delayed === N &&
    ledger.body.ok === true;
  console.log(exact ? 'exactly once: yes' : 'exactly once: NO');
  process.exitCode = exact ? 0 : 1;
} finally {
  await db.end();
  await system.stop();
}
