import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@glimmer/config/config';
import {
  ProjectInvoiceIssued,
  ProjectInvoiceIssuedEvent,
} from '@glimmer/contracts/invoicing/project-invoice.events';
import { ResolveStalePaymentsRpc } from '@glimmer/contracts/invoicing/project-invoice.messages';
import {
  PayoutFailedEvent,
  PayoutNeedsMethodEvent,
  PayoutNotice,
  PayoutPaidEvent,
  PayoutScheduled,
  PayoutScheduledEvent,
} from '@glimmer/contracts/payout/payout.events';
import { DispatchPayoutRpc, DuePayoutsRpc } from '@glimmer/contracts/payout/payout.messages';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
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
import { SchedulerConfig, schedulerConfigSchema } from './scheduler.config';
import { migrateScheduler } from './scheduler.migrate';
import { SchedulerModule } from './scheduler.module';
import { startInvoicingRpcTestDouble } from './testing/invoicing-rpc.test-double';
import { PayoutRpcState, startPayoutRpcTestDouble } from './testing/payout-rpc.test-double';
import { RpcDoubleState } from './testing/rpc-test-double';

const DEADLINE_MS = 1_000;
const GRACE_MS = 2_000;
const RESOLVE_AFTER_MS = 30_000;

let env: TestEnv;
let config: SchedulerConfig;
let smtp: SmtpCapture;
let payout: { state: PayoutRpcState; app: INestApplication };
let invoicing: { state: RpcDoubleState; app: INestApplication };
let app: INestApplication;
let broker: BrokerTestClient;

beforeAll(async () => {
  env = await createTestEnv('payoutsched');
  smtp = await new SmtpCapture().start();
  config = loadConfig(schedulerConfigSchema, {
    ...env.env,
    SMTP_URL: smtp.url,
    // No credit double here: the deposit sweep stays out of the way.
    CREDIT_SWEEP_EVERY_MS: '3600000',
    PAYOUT_SWEEP_EVERY_MS: '500',
    PAYOUT_SWEEP_GRACE_MS: String(GRACE_MS),
    PAYMENT_RESOLVE_EVERY_MS: '500',
    PAYMENT_RESOLVE_AFTER_MS: String(RESOLVE_AFTER_MS),
    PAYOUT_DISPATCH_DEADLINE_MS: String(DEADLINE_MS),
    RPC_TIMEOUT_MS: '2000',
  });
  await migrateScheduler(config);
  payout = await startPayoutRpcTestDouble(env.env);
  invoicing = await startInvoicingRpcTestDouble(env.env);
  app = await bootstrapService(SchedulerModule.forRoot(config), 0);
  broker = await new BrokerTestClient({ prefix: env.prefix, url: config.RABBITMQ_URL }).start();
});

afterAll(async () => {
  await broker?.stop();
  await app?.close();
  await payout?.app.close();
  await invoicing?.app.close();
  await smtp?.stop();
  await env?.destroy();
});

function queue(name: QueueName): Queue {
  return app.get<Queue>(getQueueToken(name));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function notice(over: Partial<PayoutNotice> = {}): PayoutNotice {
  return {
    payoutId: randomUUID(),
    creatorId: randomUUID(),
    creatorEmail: `creator+${randomUUID().slice(0, 8)}@creator.test`,
    creatorName: 'Casey',
    projectId: randomUUID(),
    projectTitle: 'Spring shoot',
    amount: 150_000,
    currency: 'USD',
    ...over,
  };
}

function scheduled(over: Partial<PayoutScheduled> = {}): PayoutScheduled {
  return {
    ...notice(),
    attempt: 1,
    dispatchAt: new Date(Date.now() + 1_000).toISOString(),
    expectedDate: '2027-05-14',
    lastError: null,
    ...over,
  };
}

function dispatchCalls(payoutId: string, attempt?: number) {
  return payout.state.callsTo(DispatchPayoutRpc.pattern, {
    payoutId,
    ...(attempt ? { attempt } : {}),
  });
}

async function completedJob(id: string) {
  return eventually(
    async () => {
      // State first, then the job: a job read before it completed has no return value yet.
      expect(await queue(QueueName.PayoutDispatch).getJobState(id)).toBe('completed');
      return (await queue(QueueName.PayoutDispatch).getJob(id))!;
    },
    { timeoutMs: 30_000 },
  );
}

describe('payout dispatch', () => {
  it('adds one delayed job per payout attempt and dispatches it once at dispatchAt, however often the event comes', async () => {
    const p = scheduled({ dispatchAt: new Date(Date.now() + 1_500).toISOString() });
    const messageId = randomUUID();
    await broker.publish(PayoutScheduledEvent, p, messageId);
    await broker.publish(PayoutScheduledEvent, p, messageId);
    await broker.publish(PayoutScheduledEvent, p); // republished under a new id: still one job

    const id = jobIds.payoutDispatch(p.payoutId, 1);
    expect(id).toBe(`payout-dispatch.${p.payoutId}.1`);
    const job = await eventually(async () => {
      const j = await queue(QueueName.PayoutDispatch).getJob(id);
      expect(j).toBeDefined();
      return j!;
    });
    expect(job.name).toBe('dispatch-payout');
    expect(job.data).toMatchObject({ payoutId: p.payoutId, attempt: 1 });
    expect(typeof job.data.correlationId).toBe('string');
    const dueAt = Date.parse(p.dispatchAt);
    expect(job.timestamp + job.opts.delay!).toBeGreaterThanOrEqual(dueAt - 1_000);
    expect(job.timestamp + job.opts.delay!).toBeLessThanOrEqual(dueAt + 1_000);

    const done = await completedJob(id);
    expect(done.returnvalue).toEqual({ payoutId: p.payoutId, attempt: 1, status: 'paid' });
    const [call] = dispatchCalls(p.payoutId);
    expect(call.payload).toEqual({ payoutId: p.payoutId, attempt: 1 });
    await sleep(1_000);
    expect(dispatchCalls(p.payoutId)).toHaveLength(1);
  });

  it('dispatches an attempt whose dispatchAt has passed at once, and a retry attempt as a new job', async () => {
    const p = scheduled({ dispatchAt: new Date(Date.now() - 3_600_000).toISOString() });
    await broker.publish(PayoutScheduledEvent, p);
    const first = await completedJob(jobIds.payoutDispatch(p.payoutId, 1));
    expect(first.opts.delay).toBe(0);

    const retry = { ...p, attempt: 2, dispatchAt: new Date().toISOString(), lastError: 'declined' };
    await broker.publish(PayoutScheduledEvent, retry);
    await completedJob(jobIds.payoutDispatch(p.payoutId, 2));
    expect(dispatchCalls(p.payoutId).map((c) => c.payload.attempt)).toEqual([1, 2]);
  });

  it('retries a dispatch that timed out until the payout service answers', async () => {
    const p = scheduled({ dispatchAt: new Date().toISOString() });
    payout.state.hangNext(p.payoutId, DEADLINE_MS * 3);
    await broker.publish(PayoutScheduledEvent, p);
    const job = await completedJob(jobIds.payoutDispatch(p.payoutId, 1));
    expect(job.returnvalue).toMatchObject({ payoutId: p.payoutId, status: 'paid' });
    expect(dispatchCalls(p.payoutId, 1).length).toBeGreaterThanOrEqual(2);
  });

  it('tries again shortly when the job fired before the payout service thinks it is due', async () => {
    const p = scheduled({ dispatchAt: new Date().toISOString() });
    payout.state.notDue.set(p.payoutId, 1);
    await broker.publish(PayoutScheduledEvent, p);
    const job = await completedJob(jobIds.payoutDispatch(p.payoutId, 1));
    expect(job.returnvalue).toMatchObject({ payoutId: p.payoutId, status: 'paid' });
    expect(dispatchCalls(p.payoutId, 1)).toHaveLength(2);
  });

  it('retries an unavailable payout service, and settles a payout that no longer exists', async () => {
    const flaky = scheduled({ dispatchAt: new Date().toISOString() });
    payout.state.failNext(flaky.payoutId, 'dependency_unavailable', 1);
    const gone = scheduled({ dispatchAt: new Date().toISOString() });
    payout.state.failNext(gone.payoutId, 'not_found', 5);
    await broker.publish(PayoutScheduledEvent, flaky);
    await broker.publish(PayoutScheduledEvent, gone);

    await completedJob(jobIds.payoutDispatch(flaky.payoutId, 1));
    expect(dispatchCalls(flaky.payoutId)).toHaveLength(2);
    const settled = await completedJob(jobIds.payoutDispatch(gone.payoutId, 1));
    expect(settled.returnvalue).toEqual({
      payoutId: gone.payoutId,
      attempt: 1,
      settledBy: 'not_found',
    });
    expect(dispatchCalls(gone.payoutId)).toHaveLength(1);
  });
});

describe('payout sweep', () => {
  it('registers one job scheduler per sweep for the cluster, however often migrate runs', async () => {
    await migrateScheduler(config);
    const schedulers = await queue(QueueName.Sweeps).getJobSchedulers();
    const every = Object.fromEntries(schedulers.map((s) => [s.key, s.every]));
    expect(every).toEqual({
      [PENDING_DEPOSIT_SWEEP_SCHEDULER_ID]: 3_600_000,
      [PAYOUT_SWEEP_SCHEDULER_ID]: 500,
      [STALE_PAYMENT_SWEEP_SCHEDULER_ID]: 500,
      [OFFER_EXPIRY_SWEEP_SCHEDULER_ID]: 600_000,
    });
  });

  it('dispatches a due payout whose job was lost, once', async () => {
    const lost = {
      payoutId: randomUUID(),
      attempt: 3,
      dispatchAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    payout.state.due.push(lost);
    await eventually(() => expect(dispatchCalls(lost.payoutId, 3)).toHaveLength(1));
    await completedJob(jobIds.payoutDispatch(lost.payoutId, 3));
    const [asked] = payout.state.callsTo(DuePayoutsRpc.pattern);
    expect(asked.payload).toEqual({ limit: config.PAYOUT_SWEEP_LIMIT, graceMs: GRACE_MS });
    // the double took it off the due list once dispatched: later sweeps leave it alone
    const runs = payout.state.callsTo(DuePayoutsRpc.pattern).length;
    await eventually(() =>
      expect(payout.state.callsTo(DuePayoutsRpc.pattern).length).toBeGreaterThan(runs + 1),
    );
    expect(dispatchCalls(lost.payoutId)).toHaveLength(1);
  });

  it('runs a completed attempt again while the payout service still reports it due (stuck)', async () => {
    const p = scheduled({ dispatchAt: new Date().toISOString() });
    await broker.publish(PayoutScheduledEvent, p);
    await completedJob(jobIds.payoutDispatch(p.payoutId, 1));
    expect(dispatchCalls(p.payoutId)).toHaveLength(1);

    payout.state.due.push({ payoutId: p.payoutId, attempt: 1, dispatchAt: p.dispatchAt });
    await eventually(() => expect(dispatchCalls(p.payoutId, 1)).toHaveLength(2));
    await completedJob(jobIds.payoutDispatch(p.payoutId, 1));
  });

  it('leaves an attempt whose job is still delayed to that job', async () => {
    const p = scheduled({ dispatchAt: new Date(Date.now() + 3_600_000).toISOString() });
    await broker.publish(PayoutScheduledEvent, p);
    const id = jobIds.payoutDispatch(p.payoutId, 1);
    await eventually(async () =>
      expect(await (await queue(QueueName.PayoutDispatch).getJob(id))?.getState()).toBe('delayed'),
    );
    payout.state.due.push({ payoutId: p.payoutId, attempt: 1, dispatchAt: p.dispatchAt });
    const runs = payout.state.callsTo(DuePayoutsRpc.pattern).length;
    await eventually(() =>
      expect(payout.state.callsTo(DuePayoutsRpc.pattern).length).toBeGreaterThan(runs + 2),
    );
    expect(dispatchCalls(p.payoutId)).toHaveLength(0);
    expect(await (await queue(QueueName.PayoutDispatch).getJob(id))?.getState()).toBe('delayed');
    payout.state.due = payout.state.due.filter((d) => d.payoutId !== p.payoutId);
  });

  it('asks invoicing to resolve stale credit applications', async () => {
    const [call] = await eventually(() => {
      const calls = invoicing.state.callsTo(ResolveStalePaymentsRpc.pattern);
      expect(calls.length).toBeGreaterThanOrEqual(1);
      return calls;
    });
    expect(call.payload).toEqual({ olderThanMs: RESOLVE_AFTER_MS });
  });
});

describe('payout and project invoice emails', () => {
  async function deliveredTwice<P>(
    contract: Parameters<BrokerTestClient['publish']>[0],
    payload: P,
  ): Promise<void> {
    const messageId = randomUUID();
    await broker.publish(contract, payload, messageId);
    await broker.publish(contract, payload, messageId);
  }

  function mailsTo(address: string) {
    return smtp.messages.filter((m) => m.to.includes(address));
  }

  it('emails finance once when a project invoice is issued', async () => {
    const invoice: ProjectInvoiceIssued = {
      invoiceId: randomUUID(),
      projectId: randomUUID(),
      brandId: randomUUID(),
      brandName: 'Acme Studios',
      financeEmail: `finance+${randomUUID().slice(0, 8)}@acme.test`,
      title: 'Spring shoot',
      costCodeId: randomUUID(),
      storyCode: 'STORY-42',
      amount: 150_000,
      currency: 'EUR',
      issuedAt: new Date().toISOString(),
    };
    await deliveredTwice(ProjectInvoiceIssuedEvent, invoice);
    const mail = await smtp.waitFor(invoice.financeEmail, /Project invoice/);
    expect(mail.subject).toBe('Project invoice issued: Spring shoot (EUR 1,500.00)');
    expect(mail.text).toContain(invoice.costCodeId);
    expect(mail.text).toContain('STORY-42');
    await sleep(1_000);
    expect(mailsTo(invoice.financeEmail)).toHaveLength(1);
  });

  it('tells the creator once when a payout is scheduled, and not again for a retry attempt', async () => {
    const p = scheduled({ expectedDate: '2027-05-14' });
    await deliveredTwice(PayoutScheduledEvent, p);
    const mail = await smtp.waitFor(p.creatorEmail, /paid/);
    expect(mail.subject).toBe('You will be paid USD 1,500.00 by 2027-05-14');
    expect(mail.text).toContain('Spring shoot');

    await broker.publish(PayoutScheduledEvent, {
      ...p,
      attempt: 2,
      dispatchAt: new Date().toISOString(),
    });
    await completedJob(jobIds.payoutDispatch(p.payoutId, 2));
    await sleep(1_000);
    expect(mailsTo(p.creatorEmail)).toHaveLength(1);
  });

  it('asks the creator once to add a payout method', async () => {
    const n = notice();
    await deliveredTwice(PayoutNeedsMethodEvent, n);
    const mail = await smtp.waitFor(n.creatorEmail, /payout method/);
    expect(mail.text).toContain('add a payout method');
    await sleep(1_000);
    expect(mailsTo(n.creatorEmail)).toHaveLength(1);
  });

  it('tells the creator once that the payout was sent', async () => {
    const n = { ...notice(), paidAt: new Date().toISOString(), providerReference: 'sbx_123' };
    await deliveredTwice(PayoutPaidEvent, n);
    const mail = await smtp.waitFor(n.creatorEmail, /sent you/);
    expect(mail.subject).toBe('We sent you USD 1,500.00');
    expect(mail.text).toContain('sbx_123');
    await sleep(1_000);
    expect(mailsTo(n.creatorEmail)).toHaveLength(1);
  });

  it('tells the creator once that a failed payout is being looked at', async () => {
    const n = { ...notice(), attempts: 5, reason: 'provider said: account closed' };
    await deliveredTwice(PayoutFailedEvent, n);
    const mail = await smtp.waitFor(n.creatorEmail, /delayed/);
    expect(mail.text).toContain('on it');
    await sleep(1_000);
    expect(mailsTo(n.creatorEmail)).toHaveLength(1);
  });
});
