#!/usr/bin/env node
// Issue #13's read scaling bench: do the reads a brand and a creator open first stay as fast
// when a brand holds 100 times more? Timed through the gateway, sequentially (one request at a
// time, after a warm-up), at two sizes:
//
//   small: 1,000 cost codes and 10,000 project invoices for the brand
//   large: 100,000 cost codes and 1,000,000 project invoices for the brand
//
// A few of each are made through the API (cost codes, a creator invited into the network,
// offers signed and completed, so their invoices are issued by invoicing); the bulk is seeded in
// SQL straight into credit's and invoicing's schemas, shaped as those services write them (a
// cost code with its two ledger accounts at zero — no postings, so no journal rows; an invoice
// with its offer's cost code attached). Reads: the credits overview (GET /v1/credit, Reports →
// Credits), one cost code, the project-invoice list's first page and a deep page (keyset
// cursor half-way down), and the creator's dashboard. Target: p50 large / p50 small ≤ 1.5.
// Usage: npm run build && npm run bench:scale
//   BENCH_REQUESTS (default 200), BENCH_READ_SECONDS (default 60: a slower read takes fewer),
//   BENCH_SMALL_CODES/BENCH_LARGE_CODES,
//   BENCH_SMALL_INVOICES/BENCH_LARGE_INVOICES
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { benchBrand, client, login, until } from './http.mjs';
import { startSystem } from './system.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 20;
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 60);
const SIZES = [
  {
    label: 'small',
    codes: Number(process.env.BENCH_SMALL_CODES ?? 1_000),
    invoices: Number(process.env.BENCH_SMALL_INVOICES ?? 10_000),
  },
  {
    label: 'large',
    codes: Number(process.env.BENCH_LARGE_CODES ?? 100_000),
    invoices: Number(process.env.BENCH_LARGE_INVOICES ?? 1_000_000),
  },
];
const REAL_CODES = 5;
const REAL_PROJECTS = 3;
const CODE_CHUNK = 20_000;
const INVOICE_CHUNK = 100_000;
const INVITE_TOKEN_SECRET = randomBytes(32).toString('base64url');

const system = await startSystem('scale', { INVITE_TOKEN_SECRET, DB_POOL_MAX: '10' });
// Interrupted (Ctrl-C): still remove the private system.
process.once('SIGINT', () => void system.stop().finally(() => process.exit(130)));
const db = new pg.Pool({ connectionString: system.databaseUrl, max: 2 });
const sql = async (text, params) => (await db.query(text, params)).rows;
const schema = (service) => `"${system.prefix}_${service.replace(/-/g, '_')}"`;
const credit = schema('credit');
const invoicing = schema('invoicing');
const ms = (n) => `${n.toFixed(1)} ms`;

/** Invites a creator into the brand's network and accepts with the token the email would carry. */
async function onboardCreator(brand) {
  const email = `creator-${randomUUID().slice(0, 8)}@bench.test`;
  const invite = await brand('POST', '/v1/invites', { email });
  if (invite.status !== 201)
    throw new Error(`invite: ${invite.status} ${JSON.stringify(invite.body)}`);
  let sent;
  await until(async () => {
    [sent] = await sql(
      `select payload->>'inviteId' as "inviteId", payload->>'nonce' as nonce
         from ${schema('creator-network')}.outbox_message
        where pattern = 'network.invite.sent.v2' and payload->>'email' = $1`,
      [email],
    );
    return sent !== undefined;
  });
  // invite-token.ts: base64url(HMAC-SHA256(secret, `<inviteId>:<nonce>`)).
  const token = createHmac('sha256', INVITE_TOKEN_SECRET)
    .update(`${sent.inviteId}:${sent.nonce}`, 'utf8')
    .digest('base64url');
  const password = 'creator-password';
  const accepted = await client(system.baseUrl)('POST', '/v1/invites/accept', {
    token,
    name: 'Bench Creator',
    password,
  });
  if (accepted.status !== 201)
    throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return {
    id: accepted.body.creatorId,
    api: client(system.baseUrl, await login(system.baseUrl, email, password)),
  };
}

/** Offer → signed → completed by both: invoicing issues the project's invoice. */
async function completedProject(brand, creator, costCodeId, i) {
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const offer = await brand('POST', '/v1/offers', {
    creatorId: creator.id,
    title: `Bench campaign ${i}`,
    brief: 'Photos of the collection',
    fee: 10_000 + i,
    dueDate: due,
    costCodeId,
    storyCode: `STORY-${i}`,
  });
  if (offer.status !== 201) throw new Error(`offer: ${offer.status} ${JSON.stringify(offer.body)}`);
  const signed = await creator.api('POST', `/v1/offers/${offer.body.id}/accept`, {
    signatureName: 'Bench Creator',
  });
  if (signed.status !== 200)
    throw new Error(`sign: ${signed.status} ${JSON.stringify(signed.body)}`);
  const projectId = signed.body.project.id;
  for (const party of [creator.api, brand]) {
    const done = await party('POST', `/v1/projects/${projectId}/complete`);
    if (done.status !== 200)
      throw new Error(`complete: ${done.status} ${JSON.stringify(done.body)}`);
  }
  await until(
    async () =>
      (await sql(`select 1 from ${invoicing}.project_invoice where project_id = $1`, [projectId]))
        .length === 1,
  );
}

async function count(table, brandId) {
  return Number(
    (await sql(`select count(*) from ${table} where brand_id = $1`, [brandId]))[0].count,
  );
}

/** Cost codes up to `target` for the brand: each with its available and pending account. */
async function seedCostCodes(brandId, target) {
  for (let have = await count(`${credit}.cost_code`, brandId); have < target;) {
    const n = Math.min(CODE_CHUNK, target - have);
    await sql(
      `with c as (
         insert into ${credit}.cost_code (id, brand_id, code, name, currency, created_at)
         select gen_random_uuid(), $1, 'S-' || lpad(g::text, 7, '0'), 'Seeded ' || g, 'USD',
                now() - interval '400 days' + g * interval '1 second'
           from generate_series($2::int, $2::int + $3::int - 1) g
         returning id)
       insert into ${credit}.ledger_account (id, brand_id, cost_code_id, kind, currency)
       select gen_random_uuid(), $1, c.id, k.kind, 'USD'
         from c cross join (values ('available'), ('pending')) k(kind)`,
      [brandId, have, n],
    );
    have += n;
  }
}

/**
 * Project invoices up to `target` for the brand, older than the real ones, over 1,000 other
 * creators, each with its offer's cost code attached at issue (as issue-project-invoice does):
 * mostly paid, some partly paid, some unpaid, a few void.
 */
async function seedInvoices(brandId, codeIds, target) {
  for (let have = await count(`${invoicing}.project_invoice`, brandId); have < target;) {
    const n = Math.min(INVOICE_CHUNK, target - have);
    await sql(
      `with g as (
         select g, gen_random_uuid() as id,
                ($2::uuid[])[1 + (g % cardinality($2::uuid[]))] as cost_code_id,
                5000 + (g % 50) * 100 as amount,
                case when g % 10 < 7 then 'paid' when g % 10 = 7 then 'partially_paid'
                     when g % 10 = 8 then 'unpaid' else 'void' end as status,
                now() - interval '1 day' - g * interval '10 seconds' as issued_at
           from generate_series($3::int, $3::int + $4::int - 1) g),
       i as (
         insert into ${invoicing}.project_invoice (id, project_id, brand_id, creator_id, title,
           cost_code_id, story_code, amount, amount_paid, currency, status, issued_at, paid_at,
           voided_at, updated_at)
         select id, gen_random_uuid(), $1,
                ('00000000-0000-4000-8000-' || lpad(to_hex(g % 1000), 12, '0'))::uuid,
                'Seeded project ' || g, cost_code_id, 'STORY-S' || (g % 5000), amount,
                case status when 'paid' then amount when 'partially_paid' then amount / 2 else 0 end,
                'USD', status, issued_at,
                case when status = 'paid' then issued_at + interval '2 days' end,
                case when status = 'void' then issued_at + interval '1 day' end,
                issued_at + interval '2 days'
           from g
         returning id, cost_code_id, issued_at)
       insert into ${invoicing}.project_invoice_cost_code (invoice_id, cost_code_id, attached_at)
       select id, cost_code_id, issued_at from i`,
      [brandId, codeIds, have, n],
    );
    have += n;
  }
}

/**
 * p50/p99 of `REQUESTS` sequential calls after a warm-up of up to 20 calls (or 10 s). A read so
 * slow that its calls would take over `READ_SECONDS` is stopped there, after at least 10 calls.
 * Answers other than 200 are counted and shown (a read that times out is a finding, not a crash).
 */
async function time(call) {
  const warmUntil = Date.now() + 10_000;
  for (let i = 0; i < WARMUP && (i < 1 || Date.now() < warmUntil); i++) await call();
  const latencies = [];
  const statuses = {};
  const deadline = Date.now() + READ_SECONDS * 1000;
  for (let i = 0; i < REQUESTS && (i < 10 || Date.now() < deadline); i++) {
    const t0 = performance.now();
    const res = await call();
    latencies.push(performance.now() - t0);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const failed = Object.entries(statuses).filter(([status]) => status !== '200');
  return {
    n: latencies.length,
    p50: pct(50),
    p99: pct(99),
    failed: failed.map(([status, n]) => `${n}× ${status}`).join(', '),
  };
}

/** Waits until no statement runs in the system's database (other than this probe). */
async function quiet() {
  await until(async () => {
    const [{ active }] = await sql(
      `select count(*)::int as active from pg_stat_activity
        where datname = current_database() and backend_type = 'client backend'
          and state = 'active' and pid <> pg_backend_pid()`,
    );
    return active === 0;
  }, 600_000);
}

/** A cursor half-way down the brand's list, as the API would have returned it. */
async function deepCursor(brandId, total) {
  const [row] = await sql(
    `select to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id
       from ${invoicing}.project_invoice where brand_id = $1
      order by issued_at desc, id desc offset $2 limit 1`,
    [brandId, Math.floor(total / 2)],
  );
  return Buffer.from(JSON.stringify([row.at, row.id])).toString('base64url');
}

try {
  const { brandId, brand } = await benchBrand(system);
  const codes = [];
  for (let i = 0; i < REAL_CODES; i++) {
    const res = await brand('POST', '/v1/cost-codes', { code: `R-${i}`, name: `Real ${i}` });
    if (res.status !== 201) throw new Error(`cost code: ${res.status} ${JSON.stringify(res.body)}`);
    codes.push(res.body.id);
  }
  const creator = await onboardCreator(brand);
  for (let i = 0; i < REAL_PROJECTS; i++)
    await completedProject(brand, creator, codes[i % REAL_CODES], i);

  const results = {};
  for (const size of SIZES) {
    const t0 = Date.now();
    console.log(`seeding to ${size.codes} cost codes and ${size.invoices} project invoices…`);
    await seedCostCodes(brandId, size.codes);
    const codeIds = (
      await sql(
        `select id from ${credit}.cost_code where brand_id = $1 order by created_at limit 1000`,
        [brandId],
      )
    ).map((r) => r.id);
    await seedInvoices(brandId, codeIds, size.invoices);
    for (const table of [
      `${credit}.cost_code`,
      `${credit}.ledger_account`,
      `${invoicing}.project_invoice`,
      `${invoicing}.project_invoice_cost_code`,
    ])
      await sql(`vacuum analyze ${table}`);
    console.log(`  seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const cursor = await deepCursor(brandId, size.invoices);
    // Cheap reads first, and each read starts on a quiet system: a request the gateway gave up
    // on (504) still runs to its end in the service, and would be timed as the next read's.
    const reads = {
      'one cost code (GET /v1/cost-codes/:id)': () => brand('GET', `/v1/cost-codes/${codes[0]}`),
      'creator dashboard (GET /v1/me/dashboard)': () => creator.api('GET', '/v1/me/dashboard'),
      'invoices, first page (GET /v1/invoices)': () => brand('GET', '/v1/invoices'),
      'invoices, deep page (?cursor= half-way)': () =>
        brand('GET', `/v1/invoices?cursor=${cursor}`),
      // What Reports → Credits asks for: the totals and the first page of codes with credit.
      'credits page (GET /v1/credit?withCredit&limit=50)': () =>
        brand('GET', '/v1/credit?withCredit=true&limit=50'),
      'credits overview, a page (?limit=50)': () => brand('GET', '/v1/credit?limit=50'),
      // API.md's whole overview, every code: O(codes) by contract.
      'credits overview, whole (GET /v1/credit)': () => brand('GET', '/v1/credit'),
    };
    for (const [label, call] of Object.entries(reads)) {
      await quiet();
      const r = await time(call);
      (results[label] ??= {})[size.label] = r;
      console.log(
        `  ${size.label.padEnd(5)} ${label.padEnd(50)} p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  (n=${r.n}${r.failed ? `; not 200: ${r.failed}` : ''})`,
      );
    }
  }

  console.log(
    `\n${SIZES[0].codes} codes / ${SIZES[0].invoices} invoices (small) → ` +
      `${SIZES[1].codes} / ${SIZES[1].invoices} (large), ${REQUESTS} sequential requests each\n`,
  );
  console.log(
    '| read | p50 small | p99 small | p50 large | p99 large | ratio (p50) | target ≤ 1.5 |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [label, r] of Object.entries(results)) {
    const ratio = r.large.p50 / r.small.p50;
    console.log(
      `| ${label}${r.small.failed || r.large.failed ? ` (not 200: ${[r.small.failed, r.large.failed].filter(Boolean).join('; ')})` : ''} | ${ms(r.small.p50)} | ${ms(r.small.p99)} | ${ms(r.large.p50)} | ${ms(r.large.p99)} | ${ratio.toFixed(2)} | ${ratio <= 1.5 ? 'met' : 'missed'} |`,
    );
  }
} finally {
  await db.end();
  await system.stop();
}
