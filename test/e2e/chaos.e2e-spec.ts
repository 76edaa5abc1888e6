import { Client } from 'pg';
import { schemaFor } from '@glimmer/database/database.options';
import { eventually } from '@glimmer/testing/eventually';
import { Fault, faultsAtRandom } from './support/chaos';
import {
  completedProjectInvoice,
  fundedCostCode,
  loginOps,
  onboardCreator,
  OnboardedCreator,
  paymentArrived,
  signUpBrand,
  SignedUpBrand,
} from './support/factories';
import { Api, FinalAnswer, untilFinal } from './support/http';
import { SeededRandom } from './support/random';
import { GlimmerSystem, Service } from './support/system';

/*
 * Issue #11's proof: a keyed workload over several brands while services are SIGKILLed and
 * restarted (and now and then frozen past the RPC deadline) at random. Every request is retried
 * with its Idempotency-Key until it has a final answer, as a careful client does; afterwards
 * each key must have had exactly one effect. Replay a run's choices with CHAOS_SEED=<the
 * printed seed>; CHAOS_SECONDS sets how long the faults last, CHAOS_CLIENTS how many clients
 * send requests side by side.
 */
const random = SeededRandom.fromEnv(process.env.CHAOS_SEED);
const CHAOS_MS = Number(process.env.CHAOS_SECONDS ?? 40) * 1_000;
const RPC_TIMEOUT_MS = 3_000;
const BRANDS = 3;
const CLIENTS = Number(process.env.CHAOS_CLIENTS ?? 10);
/** More than the clients can send while the faults last; the rest is never sent. */
const PLANNED_PER_BRAND = 400;
const VICTIMS: Service[] = [
  'credit',
  'invoicing',
  'creator-network',
  'payout',
  'scheduler',
  'gateway',
];
/** Cleared credit on each brand's two cost codes before the chaos: no transfer can overdraw. */
const FUNDING = { A: 5_000_000, B: 4_000_000 } as const;
const INVOICE_FEE = 2_000_000;
/** How long after the chaos every confirmed deposit must be cleared and every email sent. */
const SETTLE_MS = 90_000;

type CostCodeName = 'A' | 'B';
type Kind =
  | 'deposit'
  | 'deposit-new-code'
  | 'transfer'
  | 'transfer-new-code'
  | 'offer'
  | 'invite'
  | 'apply-credit';
const KIND_WEIGHTS: [Kind, number][] = [
  ['deposit', 25],
  ['deposit-new-code', 5],
  ['transfer', 25],
  ['transfer-new-code', 5],
  ['offer', 15],
  ['invite', 15],
  ['apply-credit', 10],
];

/** One keyed request of the workload; its amount is unique within its brand and kind. */
interface Op {
  index: number;
  key: string;
  brand: number;
  kind: Kind;
  amount: number;
  /** The cost code a deposit goes to, or a transfer comes from. */
  from: CostCodeName;
  /** A new cost code's code (the *-new-code kinds). */
  newCode: string;
  /** A deposit whose funds the provider confirms (its webhook, retried like the rest). */
  confirm: boolean;
  answer?: FinalAnswer;
  confirmation?: FinalAnswer;
  failure?: string;
}

interface BrandWorld {
  brand: SignedUpBrand;
  costCodes: Record<CostCodeName, string>;
  creator: OnboardedCreator;
  invoice: { id: string; amount: number };
}

/** How an op's database row is recognised, what id it must have, and how many setup made. */
interface Matcher {
  match: (op: Op) => string;
  answered: (op: Op) => string | undefined;
  setup: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const other = (c: CostCodeName): CostCodeName => (c === 'A' ? 'B' : 'A');
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const SUCCESS: Record<Kind, number> = {
  deposit: 201,
  'deposit-new-code': 201,
  transfer: 201,
  'transfer-new-code': 201,
  offer: 201,
  invite: 201,
  'apply-credit': 200,
};

function weightedKind(): Kind {
  let roll = random.int(
    1,
    KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0),
  );
  for (const [kind, weight] of KIND_WEIGHTS) if ((roll -= weight) <= 0) return kind;
  return 'deposit';
}

/** The whole workload, drawn from the seed before anything runs. */
function plan(): Op[] {
  return Array.from({ length: BRANDS * PLANNED_PER_BRAND }, (_, index) => {
    const kind = weightedKind();
    const base = { deposit: 10_000, transfer: 100, 'apply-credit': 1_000 };
    const family = kind.startsWith('deposit')
      ? 'deposit'
      : kind.startsWith('transfer')
        ? 'transfer'
        : 'apply-credit';
    return {
      index,
      key: `chaos-${random.seed}-${index}`,
      brand: index % BRANDS,
      kind,
      amount: base[family] + index,
      from: random.pick(['A', 'B'] as const),
      newCode: `NEW-${index}`,
      confirm: random.chance(0.6),
    };
  });
}

const offerTitle = (op: Op) => `Chaos offer ${op.index}`;
const inviteEmail = (op: Op) => `invitee-${op.index}@chaos.test`;

describe('chaos: keyed workload while services are killed at random', () => {
  const system = new GlimmerSystem('chaos', { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) });
  let anon: Api;
  let ops: Api;
  let db: Client;
  const worlds: BrandWorld[] = [];

  beforeAll(async () => {
    // Six services restarting over and over load two cores: allow a slow first start too.
    await system.start(90_000);
    anon = new Api(system.baseUrl);
    ops = await loginOps(anon);
    db = new Client({ connectionString: system.env.databaseUrl });
    await db.connect();
    worlds.push(...(await Promise.all(Array.from({ length: BRANDS }, (_, b) => brandWorld(b)))));
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await system.stop();
  });

  /** A brand with two funded cost codes, a creator in its network and an unpaid invoice. */
  const brandWorld = async (b: number): Promise<BrandWorld> => {
    const brand = await signUpBrand(anon, { name: `Chaos Brand ${b}` });
    const A = await fundedCostCode(anon, brand, 'A', FUNDING.A);
    const B = await fundedCostCode(anon, brand, 'B', FUNDING.B);
    const creator = await onboardCreator(anon, system.smtp, brand, `Chaos Creator ${b}`);
    const invoice = await completedProjectInvoice(brand, creator, {
      fee: INVOICE_FEE,
      costCodeId: A,
      storyCode: `SETUP-${b}`,
    });
    return { brand, costCodes: { A, B }, creator, invoice };
  };

  const table = (service: Service, name: string) =>
    `"${schemaFor(system.env.prefix, service)}".${name}`;
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await db.query(sql, params)).rows as T[];

  /** The request an op makes; the same each time it is retried. */
  const request = (op: Op): { path: string; body: unknown } => {
    const { costCodes, creator, invoice } = worlds[op.brand];
    switch (op.kind) {
      case 'deposit':
        return {
          path: '/v1/credit/deposits',
          body: { amount: op.amount, costCodeId: costCodes[op.from] },
        };
      case 'deposit-new-code':
        return {
          path: '/v1/credit/deposits',
          body: { amount: op.amount, costCode: { code: op.newCode, name: `New ${op.index}` } },
        };
      case 'transfer':
        return {
          path: '/v1/credit/transfers',
          body: {
            amount: op.amount,
            fromCostCodeId: costCodes[op.from],
            toCostCodeId: costCodes[other(op.from)],
          },
        };
      case 'transfer-new-code':
        return {
          path: '/v1/credit/transfers',
          body: {
            amount: op.amount,
            fromCostCodeId: costCodes[op.from],
            toCostCode: { code: op.newCode, name: `New ${op.index}` },
          },
        };
      case 'offer':
        return {
          path: '/v1/offers',
          body: {
            creatorId: creator.id,
            title: offerTitle(op),
            brief: 'Made while services die',
            fee: 50_000,
            dueDate: inDays(30),
            costCodeId: costCodes.A,
            storyCode: `CHAOS-${op.index}`,
          },
        };
      case 'invite':
        return { path: '/v1/invites', body: { email: inviteEmail(op) } };
      case 'apply-credit':
        return {
          path: `/v1/invoices/${invoice.id}/apply-credit`,
          body: { costCodeId: costCodes.A, amount: op.amount },
        };
    }
  };

  const run = async (op: Op): Promise<void> => {
    const { brand } = worlds[op.brand];
    const { path, body } = request(op);
    try {
      op.answer = await untilFinal(() =>
        brand.api.request('POST', path, body, { idempotencyKey: op.key }),
      );
      if (op.answer.res.status !== SUCCESS[op.kind]) return;
      if (op.kind.startsWith('deposit') && op.confirm) {
        // One provider reference per payment, so a retried notice is the same notice.
        const payment = { ...op.answer.res.body, providerReference: `pay_${op.key}` };
        op.confirmation = await untilFinal(() => paymentArrived(anon, payment));
      }
    } catch (err) {
      op.failure = (err as Error).message;
    }
  };

  /** CLIENTS clients, each sending the next planned op once its last one is answered. */
  const sendUntil = async (planned: Op[], done: () => boolean): Promise<Op[]> => {
    let next = 0;
    const client = async () => {
      while (!done() && next < planned.length) await run(planned[next++]);
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    return planned.slice(0, next);
  };

  it('every key has exactly one effect, every confirmed deposit clears, the ledger holds', async () => {
    const problems: string[] = [];
    const problem = (op: Op | null, what: string) =>
      problems.push(op ? `key ${op.key} (${op.kind}, brand ${op.brand}): ${what}` : what);

    // --- the chaos -------------------------------------------------------------------------
    const planned = plan(); // drawn before the faults draw theirs: one seed, one plan
    const started = Date.now();
    let faultsOver = false;
    const [faults, workload] = await Promise.all([
      faultsAtRandom(system, random, {
        services: VICTIMS,
        durationMs: CHAOS_MS,
        everyMs: [1_000, 2_000],
        downMs: [0, 600],
        freezeShare: 0.25,
        frozenMs: [RPC_TIMEOUT_MS + 500, RPC_TIMEOUT_MS + 2_500],
      }).finally(() => (faultsOver = true)),
      sendUntil(planned, () => faultsOver),
    ]);
    const workloadMs = Date.now() - started;
    await system.waitReady(60_000);
    for (const service of VICTIMS) await system.waitServiceReady(service);

    // --- every request got the answer it should have ---------------------------------------
    for (const op of workload) {
      if (op.failure) problem(op, op.failure);
      else if (op.answer!.res.status !== SUCCESS[op.kind])
        problem(op, `final answer ${op.answer!.res.status} ${JSON.stringify(op.answer!.res.body)}`);
      else if (op.confirm && op.kind.startsWith('deposit') && op.confirmation?.res.status !== 202)
        problem(op, `webhook answered ${op.confirmation?.res.status}`);
    }
    const succeeded = (kind: Kind | 'deposit*' | 'transfer*') =>
      workload.filter(
        (op) =>
          !op.failure &&
          op.answer?.res.status === SUCCESS[op.kind] &&
          (kind.endsWith('*') ? op.kind.startsWith(kind.slice(0, -1)) : op.kind === kind),
      );
    const ofBrand = (list: Op[], b: number) => list.filter((op) => op.brand === b);
    const idOf = (op: Op): string | undefined => op.answer?.res.body?.id;
    /** The payment an apply-credit answer lists for the op's (unique) amount. */
    const paymentIdOf = (op: Op): string | undefined =>
      op.answer?.res.body?.payments?.find((p: { amount: number }) => p.amount === op.amount)?.id;
    const newCostCodeIdOf = (op: Op): string | undefined =>
      op.kind === 'deposit-new-code'
        ? op.answer?.res.body?.costCodeId
        : op.answer?.res.body?.toCostCodeId;

    // A retry after the fact replays the same answer and makes nothing new.
    for (const op of succeeded('deposit*')
      .concat(succeeded('transfer*'))
      .concat(succeeded('offer'), succeeded('invite'))) {
      const { path, body } = request(op);
      const again = await worlds[op.brand].brand.api.request('POST', path, body, {
        idempotencyKey: op.key,
      });
      if (again.status !== SUCCESS[op.kind] || again.body?.id !== idOf(op))
        problem(op, `a later retry answered ${again.status} ${again.body?.id}, not ${idOf(op)}`);
    }

    // --- exactly one effect per key, counted in the services' own databases --------------
    for (let b = 0; b < BRANDS; b++) {
      const { brand } = worlds[b];
      /** Each op's row found exactly once (by `match`), and it is what the op was answered. */
      const exactlyOne = async (
        label: string,
        list: Op[],
        sql: string,
        { match, answered, setup }: Matcher,
      ) => {
        const found = await rows<{ match: string; id: string }>(sql, [brand.id]);
        for (const op of list) {
          const same = found.filter((r) => r.match === match(op));
          if (same.length !== 1)
            problem(op, `${same.length} ${label} rows (${same.map((r) => r.id).join(', ')})`);
          else if (same[0].id !== answered(op))
            problem(op, `${label} ${same[0].id} is not the answered ${answered(op)}`);
        }
        if (found.length !== setup + list.length)
          problem(
            null,
            `brand ${b}: ${found.length} ${label} rows, expected ${setup + list.length}`,
          );
      };
      const byAmount = { match: (op: Op) => String(op.amount), answered: idOf, setup: 0 };
      const byPayment = { ...byAmount, answered: paymentIdOf };
      await exactlyOne(
        'deposit',
        ofBrand(succeeded('deposit*'), b),
        `select amount::text as match, id from ${table('credit', 'deposit')} where brand_id = $1`,
        { ...byAmount, setup: 2 },
      );
      await exactlyOne(
        'transfer',
        ofBrand(succeeded('transfer*'), b),
        `select amount::text as match, id from ${table('credit', 'transfer')} where brand_id = $1`,
        byAmount,
      );
      await exactlyOne(
        'offer',
        ofBrand(succeeded('offer'), b),
        `select title as match, id from ${table('creator-network', 'offer')} where brand_id = $1`,
        { match: offerTitle, answered: idOf, setup: 1 },
      );
      await exactlyOne(
        'invite',
        ofBrand(succeeded('invite'), b),
        `select email as match, id from ${table('creator-network', 'invite')} where brand_id = $1`,
        { match: inviteEmail, answered: idOf, setup: 1 },
      );
      await exactlyOne(
        'invoice payment',
        ofBrand(succeeded('apply-credit'), b),
        `select amount::text as match, id from ${table('invoicing', 'invoice_payment')}
          where brand_id = $1 and status = 'applied'`,
        byPayment,
      );
      await exactlyOne(
        'credit draw',
        ofBrand(succeeded('apply-credit'), b),
        `select amount::text as match, payment_id as id from ${table('credit', 'invoice_draw')}
          where brand_id = $1 and status = 'drawn'`,
        byPayment,
      );
      await exactlyOne(
        'cost code',
        ofBrand(succeeded('deposit-new-code').concat(succeeded('transfer-new-code')), b),
        `select code as match, id from ${table('credit', 'cost_code')}
          where brand_id = $1 and code like 'NEW-%'`,
        { match: (op) => op.newCode, answered: newCostCodeIdOf, setup: 0 },
      );
      // Exactly one ledger movement per deposit, clearing, transfer and draw.
      for (const twice of await rows<{ kind: string; reference_id: string; n: number }>(
        `select kind, reference_id, count(*)::int as n from ${table('credit', 'journal_transaction')}
          where brand_id = $1 group by 1, 2 having count(*) > 1`,
        [brand.id],
      ))
        problem(
          null,
          `brand ${b}: ${twice.n} ${twice.kind} journal transactions for ${twice.reference_id}`,
        );
    }

    // --- every confirmed deposit clears; the others stay pending ------------------------------
    const confirmed = succeeded('deposit*').filter((op) => op.confirm);
    const unconfirmed = succeeded('deposit*').filter((op) => !op.confirm);
    const notCleared = async () =>
      rows<{ id: string; status: string; invoice: string | null }>(
        `select d.id, d.status, ci.status as invoice from ${table('credit', 'deposit')} d
           left join ${table('invoicing', 'credit_invoice')} ci on ci.deposit_id = d.id
          where d.funds_confirmed_at is not null and (d.status <> 'cleared' or ci.status is distinct from 'paid')`,
      );
    const settleStarted = Date.now();
    await eventually(
      async () => {
        const left = await notCleared();
        if (left.length > 0) throw new Error(`${left.length} confirmed deposits not cleared yet`);
      },
      { timeoutMs: SETTLE_MS, intervalMs: 500 },
    ).catch(async () => {
      for (const d of await notCleared()) {
        const op = confirmed.find((o) => idOf(o) === d.id);
        problem(
          op ?? null,
          `deposit ${d.id} confirmed but ${d.status}, credit invoice ${d.invoice}`,
        );
      }
    });
    const clearedMs = Date.now() - settleStarted;
    for (const op of [...confirmed, ...unconfirmed]) {
      const status = (await worlds[op.brand].brand.api.get(`/v1/credit/deposits/${idOf(op)}`)).body
        ?.status;
      const expected = op.confirm ? 'cleared' : 'pending';
      if (status !== expected) problem(op, `deposit ${idOf(op)} is ${status}, not ${expected}`);
    }
    // No application left half-done: nothing reserved, nothing pending.
    await eventually(
      async () => {
        const [{ n }] = await rows<{ n: number }>(
          `select count(*)::int as n from ${table('invoicing', 'invoice_payment')} where status = 'pending'`,
        );
        if (n > 0) throw new Error(`${n} invoice payments still pending`);
      },
      { timeoutMs: SETTLE_MS, intervalMs: 500 },
    ).catch((err: Error) => problem(null, err.message));

    // --- balances are the sum of what succeeded -------------------------------------------
    for (let b = 0; b < BRANDS; b++) {
      const { brand, costCodes, invoice } = worlds[b];
      const mine = (list: Op[]) => ofBrand(list, b);
      const sum = (list: Op[]) => list.reduce((s, op) => s + op.amount, 0);
      const expected = new Map<string, { available: number; pending: number }>();
      for (const name of ['A', 'B'] as const) {
        const deposits = mine(succeeded('deposit')).filter((op) => op.from === name);
        const outgoing = mine(succeeded('transfer*')).filter((op) => op.from === name);
        const incoming = mine(succeeded('transfer')).filter((op) => op.from !== name);
        const paid = name === 'A' ? sum(mine(succeeded('apply-credit'))) : 0;
        expected.set(costCodes[name], {
          available:
            FUNDING[name] +
            sum(deposits.filter((op) => op.confirm)) +
            sum(incoming) -
            sum(outgoing) -
            paid,
          pending: sum(deposits.filter((op) => !op.confirm)),
        });
      }
      for (const op of mine(succeeded('deposit-new-code')))
        expected.set(op.answer!.res.body.costCodeId, {
          available: op.confirm ? op.amount : 0,
          pending: op.confirm ? 0 : op.amount,
        });
      for (const op of mine(succeeded('transfer-new-code')))
        expected.set(op.answer!.res.body.toCostCodeId, { available: op.amount, pending: 0 });
      for (const [id, want] of expected) {
        const got = (await brand.api.get(`/v1/cost-codes/${id}`)).body;
        if (got?.available !== want.available || got?.pending !== want.pending)
          problem(
            null,
            `brand ${b} cost code ${got?.code ?? id}: available ${got?.available}, pending ${got?.pending}; ` +
              `expected ${want.available}, ${want.pending}`,
          );
      }
      const paidInvoice = (await brand.api.get(`/v1/invoices/${invoice.id}`)).body;
      const paid = sum(mine(succeeded('apply-credit')));
      if (paidInvoice.amountPaid !== paid || paidInvoice.amountDue !== invoice.amount - paid)
        problem(
          null,
          `brand ${b} invoice: paid ${paidInvoice.amountPaid}, due ${paidInvoice.amountDue}; expected ${paid}`,
        );
    }

    // --- one email per key (a resend with the same Message-ID is the documented residual) ---
    const mailsFor = (to: string, subject: (s: string) => boolean) =>
      system.smtp.messages.filter((m) => m.to.includes(to) && subject(m.subject));
    const expectedMails: { op: Op; what: string; to: string; subject: (s: string) => boolean }[] =
      [];
    for (const op of succeeded('invite'))
      expectedMails.push({
        op,
        what: 'invite email',
        to: inviteEmail(op),
        subject: (s) => s.endsWith('invited you to Glimmer'),
      });
    for (const op of succeeded('offer'))
      expectedMails.push({
        op,
        what: 'offer email',
        to: worlds[op.brand].creator.email,
        subject: (s) => s.endsWith(`made you an offer: ${offerTitle(op)}`),
      });
    for (const op of succeeded('deposit*'))
      expectedMails.push({
        op,
        what: 'credit invoice email',
        to: worlds[op.brand].brand.financeEmail,
        subject: (s) =>
          s.startsWith(`Credit invoice ${op.answer!.res.body.creditInvoiceId} issued`),
      });
    await eventually(
      async () => {
        const missing = expectedMails.filter((e) => mailsFor(e.to, e.subject).length === 0);
        if (missing.length > 0) throw new Error(`${missing.length} emails not sent yet`);
      },
      { timeoutMs: SETTLE_MS, intervalMs: 500 },
    ).catch(() => undefined);
    await sleep(2_000); // a late duplicate has time to arrive
    let resent = 0;
    for (const e of expectedMails) {
      const mails = mailsFor(e.to, e.subject);
      const ids = new Set(mails.map((m) => m.messageId));
      resent += mails.length - ids.size;
      if (ids.size !== 1) problem(e.op, `${ids.size} distinct ${e.what}s to ${e.to}`);
    }

    // --- the ledger check -------------------------------------------------------------------
    const verify = await ops.get('/v1/ops/ledger/verify');
    if (verify.status !== 200 || verify.body?.ok !== true)
      problem(null, `ledger check: ${verify.status} ${JSON.stringify(verify.body)}`);

    // --- the figures --------------------------------------------------------------------------
    const count = <T extends string>(items: T[]) =>
      items.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {});
    const answers = workload.flatMap((op) => [op.answer, op.confirmation]).filter(Boolean);
    const transient = answers.flatMap((a) => a!.transient);
    console.log(
      [
        `chaos seed ${random.seed} (replay: CHAOS_SEED=${random.seed})`,
        `keys: ${workload.length} ${JSON.stringify(count(workload.map((op) => op.kind)))}, ` +
          `${confirmed.length} deposits confirmed by webhook`,
        `faults: ${faults.length} in ${CHAOS_MS} ms ` +
          JSON.stringify(count(faults.map((f: Fault) => `${f.action} ${f.service}`))),
        `retries: ${transient.length} over ${answers.filter((a) => a!.transient.length > 0).length} requests ` +
          JSON.stringify(count(transient)),
        `workload done after ${workloadMs} ms; confirmed deposits cleared ${clearedMs} ms after`,
        `emails: ${expectedMails.length} expected, ${resent} re-sent with the same Message-ID`,
        `problems: ${problems.length}`,
        ...problems.map((p) => `  ${p}`),
      ].join('\n'),
    );
    expect(problems).toEqual([]);
  }, 420_000);
});
