import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@glimmer/config/config';
import {
  DepositFundsConfirmedEvent,
  DepositPendingEvent,
  DepositSnapshot,
} from '@glimmer/contracts/credit/deposit.events';
import { ClearDepositsRpc, ConfirmFundsRpc } from '@glimmer/contracts/credit/deposit.messages';
import {
  CreditInvoiceIssuedEvent,
  CreditInvoiceNotice,
  CreditInvoiceVoidedEvent,
} from '@glimmer/contracts/invoicing/credit-invoice.events';
import { OfferSent, OfferSentEvent } from '@glimmer/contracts/network/network.events';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { formatMoney } from '@glimmer/money/money';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { eventually } from '@glimmer/testing/eventually';
import { SmtpCapture } from '@glimmer/testing/smtp-capture';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import {
  jobIds,
  OFFER_EXPIRY_SWEEP_SCHEDULER_ID,
  PAYOUT_SWEEP_SCHEDULER_ID,
  PENDING_DEPOSIT_SWEEP_SCHEDULER_ID,
  STALE_PAYMENT_SWEEP_SCHEDULER_ID,
} from './jobs/job-types';
import { QueueName } from './jobs/queue-names';
import { RedisPolicyCheck } from './jobs/redis-policy.check';
import { SchedulerConfig, schedulerConfigSchema } from './scheduler.config';
import { migrateScheduler } from './scheduler.migrate';
import { SchedulerModule } from './scheduler.module';
import { CreditRpcState, startCreditRpcTestDouble } from './testing/credit-rpc.test-double';

const HOLD_MS = 300;
const SANDBOX_MS = 1_000;

let env: TestEnv;
let config: SchedulerConfig;
let smtp: SmtpCapture;
let credit: { state: CreditRpcState; app: INestApplication };
let app: INestApplication;
let broker: BrokerTestClient;

beforeAll(async () => {
  env = await createTestEnv('scheduler');
  smtp = await new SmtpCapture().start();
  config = loadConfig(schedulerConfigSchema, {
    ...env.env,
    CREDIT_SANDBOX_CLEAR_AFTER_MS: String(SANDBOX_MS),
    CREDIT_CLEARING_HOLD_MS: String(HOLD_MS),
    CREDIT_SWEEP_EVERY_MS: '500',
    SMTP_URL: smtp.url,
    RPC_TIMEOUT_MS: '2000',
  });
  await migrateScheduler(config);
  credit = await startCreditRpcTestDouble(env.env);
  app = await bootstrapService(SchedulerModule.forRoot(config), 0);
  broker = await new BrokerTestClient({ prefix: env.prefix, url: config.RABBITMQ_URL }).start();
});

afterAll(async () => {
  await broker?.stop();
  await app?.close();
  await credit?.app.close();
  await smtp?.stop();
  await env?.destroy();
});

function deposit(over: Partial<DepositSnapshot> = {}): DepositSnapshot {
  return {
    depositId: randomUUID(),
    brandId: randomUUID(),
    creditInvoiceId: randomUUID(),
    costCode: { id: randomUUID(), code: 'MKT', name: 'Marketing' },
    amount: 25_000,
    currency: 'USD',
    status: 'pending',
    version: 1,
    createdAt: new Date().toISOString(),
    fundsConfirmedAt: null,
    clearedAt: null,
    voidedAt: null,
    ...over,
  };
}

function queue(name: QueueName): Queue {
  return app.get<Queue>(getQueueToken(name));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deposit clearing', () => {
  it('clears a confirmed deposit once, after the hold, even when the event is delivered twice', async () => {
    const confirmedAt = Date.now();
    const d = deposit({ version: 2, fundsConfirmedAt: new Date(confirmedAt).toISOString() });
    const messageId = randomUUID();
    await broker.publish(DepositFundsConfirmedEvent, d, messageId);
    await broker.publish(DepositFundsConfirmedEvent, d, messageId);
    await broker.publish(DepositFundsConfirmedEvent, d); // republished under a new id: still one job

    const [call] = await eventually(() => {
      const calls = credit.state.callsTo(ClearDepositsRpc.pattern, { depositId: d.depositId });
      expect(calls).toHaveLength(1);
      return calls;
    });
    expect(call.at).toBeGreaterThanOrEqual(confirmedAt + HOLD_MS - 50);
    await sleep(1_000);
    expect(credit.state.callsTo(ClearDepositsRpc.pattern, { depositId: d.depositId })).toHaveLength(
      1,
    );
    const job = await queue(QueueName.DepositClearing).getJob(jobIds.clearDeposit(d.depositId));
    expect(await job?.getState()).toBe('completed');
  });

  it('treats a voided deposit (409 deposit_voided) as done, not as a failure', async () => {
    const d = deposit({ version: 2, fundsConfirmedAt: new Date().toISOString() });
    credit.state.failNext(d.depositId, 'deposit_voided', 5);
    await broker.publish(DepositFundsConfirmedEvent, d);
    const id = jobIds.clearDeposit(d.depositId);
    // State first, then the job: a job read before it completed has no return value yet.
    await eventually(async () =>
      expect(await queue(QueueName.DepositClearing).getJobState(id)).toBe('completed'),
    );
    const job = (await queue(QueueName.DepositClearing).getJob(id))!;
    expect(job.returnvalue).toEqual({ depositId: d.depositId, settledBy: 'deposit_voided' });
    expect(credit.state.callsTo(ClearDepositsRpc.pattern, { depositId: d.depositId })).toHaveLength(
      1,
    );
  });

  it('retries with backoff when the credit service fails (5xx)', async () => {
    const d = deposit({
      version: 2,
      fundsConfirmedAt: new Date(Date.now() - HOLD_MS).toISOString(),
    });
    credit.state.failNext(d.depositId, 'dependency_unavailable', 1);
    await broker.publish(DepositFundsConfirmedEvent, d);
    await eventually(async () => {
      const j = await queue(QueueName.DepositClearing).getJob(jobIds.clearDeposit(d.depositId));
      expect(await j?.getState()).toBe('completed');
    });
    expect(credit.state.callsTo(ClearDepositsRpc.pattern, { depositId: d.depositId })).toHaveLength(
      2,
    );
  });

  it('clears deposits that fall due together in shared runs, each job settled by its own answer', async () => {
    const due = new Date(Date.now() - HOLD_MS).toISOString();
    const ds = Array.from({ length: 30 }, () => deposit({ version: 2, fundsConfirmedAt: due }));
    const [voided, failing] = ds;
    credit.state.failNext(voided.depositId, 'deposit_voided', 5);
    credit.state.failNext(failing.depositId, 'dependency_unavailable', 1);
    const runsBefore = credit.state.clearingRuns.length;
    await Promise.all(ds.map((d) => broker.publish(DepositFundsConfirmedEvent, d)));
    const clearing = queue(QueueName.DepositClearing);
    await eventually(async () => {
      const states = await Promise.all(
        ds.map((d) => clearing.getJobState(jobIds.clearDeposit(d.depositId))),
      );
      expect(new Set(states)).toEqual(new Set(['completed']));
    });
    const runs = credit.state.clearingRuns.slice(runsBefore);
    const ids = new Set(ds.map((d) => d.depositId));
    const ours = runs.filter((run) => run.some((id) => ids.has(id)));
    // Fewer runs than deposits: jobs that ran together shared one RPC.
    expect(ours.some((run) => run.length > 1)).toBe(true);
    expect(ours.length).toBeLessThan(ds.length);
    const job = (id: string) => clearing.getJob(jobIds.clearDeposit(id));
    expect((await job(voided.depositId))!.returnvalue).toEqual({
      depositId: voided.depositId,
      settledBy: 'deposit_voided',
    });
    // The 5xx retried that deposit's job alone; its neighbours cleared at the first attempt.
    expect((await job(failing.depositId))!.attemptsMade).toBe(2);
    expect((await job(ds[2].depositId))!.attemptsMade).toBe(1);
    expect(
      credit.state.callsTo(ClearDepositsRpc.pattern, { depositId: failing.depositId }),
    ).toHaveLength(2);
  });

  it('lets the sandbox confirm funds after the configured delay, once', async () => {
    const createdAt = Date.now();
    const d = deposit({ createdAt: new Date(createdAt).toISOString() });
    const messageId = randomUUID();
    await broker.publish(DepositPendingEvent, d, messageId);
    await broker.publish(DepositPendingEvent, d, messageId);
    await sleep(SANDBOX_MS / 2);
    expect(
      credit.state.callsTo(ConfirmFundsRpc.pattern, { creditInvoiceId: d.creditInvoiceId }),
    ).toHaveLength(0);
    const [call] = await eventually(() => {
      const calls = credit.state.callsTo(ConfirmFundsRpc.pattern, {
        creditInvoiceId: d.creditInvoiceId,
      });
      expect(calls).toHaveLength(1);
      return calls;
    });
    expect(call.payload).toEqual({ creditInvoiceId: d.creditInvoiceId, source: 'sandbox' });
    expect(call.at).toBeGreaterThanOrEqual(createdAt + SANDBOX_MS - 50);
  });
});

describe('pending deposit sweep', () => {
  it('is one job scheduler for the cluster, however often migrate runs', async () => {
    await migrateScheduler(config);
    const schedulers = await queue(QueueName.Sweeps).getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(
      [
        OFFER_EXPIRY_SWEEP_SCHEDULER_ID,
        PAYOUT_SWEEP_SCHEDULER_ID,
        PENDING_DEPOSIT_SWEEP_SCHEDULER_ID,
        STALE_PAYMENT_SWEEP_SCHEDULER_ID,
      ].sort(),
    );
    expect(schedulers.find((s) => s.key === PENDING_DEPOSIT_SWEEP_SCHEDULER_ID)?.every).toBe(500);
  });

  it('queues the clearing of a confirmed deposit whose event was lost, and the sandbox confirmation of an old one', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const forgotten = {
      id: randomUUID(),
      creditInvoiceId: randomUUID(),
      createdAt: hourAgo,
      fundsConfirmedAt: hourAgo,
    };
    const unconfirmed = {
      id: randomUUID(),
      creditInvoiceId: randomUUID(),
      createdAt: hourAgo,
      fundsConfirmedAt: null,
    };
    credit.state.pending.push(forgotten, unconfirmed);

    await eventually(() => {
      expect(
        credit.state.callsTo(ClearDepositsRpc.pattern, { depositId: forgotten.id }),
      ).toHaveLength(1);
      expect(
        credit.state.callsTo(ConfirmFundsRpc.pattern, {
          creditInvoiceId: unconfirmed.creditInvoiceId,
        }),
      ).toHaveLength(1);
    });
    // later sweeps find the same deposits but the job ids de-duplicate
    await sleep(1_200);
    expect(
      credit.state.callsTo(ClearDepositsRpc.pattern, { depositId: forgotten.id }),
    ).toHaveLength(1);
    expect(
      credit.state.callsTo(ConfirmFundsRpc.pattern, {
        creditInvoiceId: unconfirmed.creditInvoiceId,
      }),
    ).toHaveLength(1);
  });
});

describe('notifications', () => {
  function notice(over: Partial<CreditInvoiceNotice> = {}): CreditInvoiceNotice {
    return {
      creditInvoiceId: randomUUID(),
      brandId: randomUUID(),
      brandName: 'Acme Studios',
      financeEmail: `finance+${randomUUID().slice(0, 8)}@acme.test`,
      depositId: randomUUID(),
      costCode: 'MKT-2026',
      amount: 1_234_56,
      currency: 'USD',
      status: 'void',
      version: 2,
      issuedAt: new Date().toISOString(),
      paidAt: null,
      voidedAt: new Date().toISOString(),
      ...over,
    };
  }

  it('emails finance exactly once that the credit invoice is VOID, even when the event is delivered twice', async () => {
    const n = notice();
    const messageId = randomUUID();
    await broker.publish(CreditInvoiceVoidedEvent, n, messageId);
    await broker.publish(CreditInvoiceVoidedEvent, n, messageId);
    const mail = await smtp.waitFor(n.financeEmail, /VOID/);
    expect(mail.subject).toBe(`Credit invoice ${n.creditInvoiceId} is VOID`);
    expect(mail.text).toContain(formatMoney(n.amount, n.currency));
    expect(mail.text).toContain('cost code MKT-2026');
    expect(mail.from).toBe('no-reply@glimmer.local');
    await sleep(1_000);
    expect(smtp.messages.filter((m) => m.to.includes(n.financeEmail))).toHaveLength(1);
  });

  it('re-sends with the same Message-ID when the job runs again (a replica died after SMTP accepted)', async () => {
    const n = notice();
    const messageId = randomUUID();
    await broker.publish(CreditInvoiceVoidedEvent, n, messageId);
    const first = await smtp.waitFor(n.financeEmail, /VOID/);
    expect(first.messageId).toMatch(/^<[0-9a-f]{64}@glimmer\.local>$/);
    // The crash: the send happened but the job did not complete, so it runs again. Removing the
    // finished job and redelivering the event re-runs the same job id.
    const id = jobIds.email(messageId);
    await eventually(async () =>
      expect(await queue(QueueName.Notifications).getJobState(id)).toBe('completed'),
    );
    await (await queue(QueueName.Notifications).getJob(id))!.remove();
    await broker.publish(CreditInvoiceVoidedEvent, n, messageId);
    await eventually(() =>
      expect(smtp.messages.filter((m) => m.to.includes(n.financeEmail))).toHaveLength(2),
    );
    const [a, b] = smtp.messages.filter((m) => m.to.includes(n.financeEmail));
    expect(b.messageId).toBe(a.messageId);
  });

  it('emails finance when a credit invoice is issued', async () => {
    const n = notice({ status: 'unpaid', voidedAt: null, amount: 5_000 });
    await broker.publish(CreditInvoiceIssuedEvent, n);
    const mail = await smtp.waitFor(n.financeEmail, /issued/);
    expect(mail.subject).toBe(`Credit invoice ${n.creditInvoiceId} issued: USD 50.00`);
  });
});

describe('offer expiry', () => {
  it('adds one delayed expire-offer job per offer, due at the end of its due date, and still emails the offer', async () => {
    const dueDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const offer: OfferSent = {
      offerId: randomUUID(),
      brandId: randomUUID(),
      brandName: 'Acme Studios',
      creatorId: randomUUID(),
      creatorEmail: `creator+${randomUUID().slice(0, 8)}@creator.test`,
      creatorName: 'Casey',
      title: 'Spring shoot',
      fee: 150_000,
      currency: 'USD',
      dueDate,
    };
    const sentAt = Date.now();
    const messageId = randomUUID();
    await broker.publish(OfferSentEvent, offer, messageId);
    await broker.publish(OfferSentEvent, offer, messageId);
    await broker.publish(OfferSentEvent, offer); // republished under a new id: still one job

    await smtp.waitFor(offer.creatorEmail, /Spring shoot|offer/i);
    const id = jobIds.offerExpiry(offer.offerId);
    expect(id).toBe(`offer-expiry.${offer.offerId}`);
    const job = await eventually(async () => {
      const j = await queue(QueueName.OfferExpiry).getJob(id);
      expect(await j?.getState()).toBe('delayed');
      return j!;
    });
    expect(job.name).toBe('expire-offer');
    expect(job.data).toMatchObject({ offerId: offer.offerId });
    const expiresAt = Date.parse(`${dueDate}T00:00:00Z`) + 86_400_000;
    expect(job.timestamp + job.opts.delay!).toBeGreaterThanOrEqual(expiresAt - 1_000);
    expect(job.timestamp + job.opts.delay!).toBeLessThanOrEqual(expiresAt + 1_000);
    expect(job.timestamp).toBeGreaterThanOrEqual(sentAt - 1_000);
    await sleep(1_000);
    const delayed = await queue(QueueName.OfferExpiry).getDelayed();
    expect(delayed.filter((j) => j.data.offerId === offer.offerId)).toHaveLength(1);
  });
});

describe('operations', () => {
  it('checks that Redis does not evict keys', async () => {
    expect(await app.get(RedisPolicyCheck).result()).toBe('noeviction');
  });
});
