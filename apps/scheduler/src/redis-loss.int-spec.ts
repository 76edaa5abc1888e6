import { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@glimmer/config/config';
import { DepositFundsConfirmedEvent } from '@glimmer/contracts/credit/deposit.events';
import { ClearDepositsRpc } from '@glimmer/contracts/credit/deposit.messages';
import { OfferSentEvent } from '@glimmer/contracts/network/network.events';
import { ExpireOfferRpc } from '@glimmer/contracts/network/offer.messages';
import { PayoutScheduledEvent } from '@glimmer/contracts/payout/payout.events';
import { DispatchPayoutRpc } from '@glimmer/contracts/payout/payout.messages';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { eventually } from '@glimmer/testing/eventually';
import { createTestEnv, deleteRedisKeys, TestEnv } from '@glimmer/testing/test-env';
import { JobQueue } from './jobs/job-queue.service';
import {
  jobIds,
  OFFER_EXPIRY_SWEEP_SCHEDULER_ID,
  PAYOUT_SWEEP_SCHEDULER_ID,
  PENDING_DEPOSIT_SWEEP_SCHEDULER_ID,
  STALE_PAYMENT_SWEEP_SCHEDULER_ID,
} from './jobs/job-types';
import { QueueName } from './jobs/queue-names';
import { schedulerConfigSchema } from './scheduler.config';
import { migrateScheduler } from './scheduler.migrate';
import { SchedulerModule } from './scheduler.module';
import { KeeperReason, SweepScheduleKeeper } from './sweeps/sweep-schedule.keeper';
import { CreditRpcState, startCreditRpcTestDouble } from './testing/credit-rpc.test-double';
import { startInvoicingRpcTestDouble } from './testing/invoicing-rpc.test-double';
import { NetworkRpcState, startNetworkRpcTestDouble } from './testing/network-rpc.test-double';
import { PayoutRpcState, startPayoutRpcTestDouble } from './testing/payout-rpc.test-double';
import { RpcDoubleState } from './testing/rpc-test-double';

/**
 * A Redis that comes back empty: every delayed job and every sweep schedule is gone, while
 * PostgreSQL (here: the services' RPC doubles) still knows which deposits are confirmed and
 * which payouts are due. The scheduler must restore its schedules by itself and the sweeps must
 * redo every lost job, each at its own time.
 */
const HOLD_MS = 4_000;
const SCHEDULES = [
  OFFER_EXPIRY_SWEEP_SCHEDULER_ID,
  PAYOUT_SWEEP_SCHEDULER_ID,
  PENDING_DEPOSIT_SWEEP_SCHEDULER_ID,
  STALE_PAYMENT_SWEEP_SCHEDULER_ID,
].sort();

let env: TestEnv;
let credit: { state: CreditRpcState; app: INestApplication };
let payout: { state: PayoutRpcState; app: INestApplication };
let invoicing: { state: RpcDoubleState; app: INestApplication };
let network: { state: NetworkRpcState; app: INestApplication };
let broker: BrokerTestClient;
let redis: Redis;

beforeAll(async () => {
  env = await createTestEnv('redisloss');
  credit = await startCreditRpcTestDouble(env.env);
  payout = await startPayoutRpcTestDouble(env.env);
  invoicing = await startInvoicingRpcTestDouble(env.env);
  network = await startNetworkRpcTestDouble(env.env);
  broker = await new BrokerTestClient({ prefix: env.prefix, url: env.env.RABBITMQ_URL }).start();
  redis = new Redis(env.env.REDIS_URL);
});

afterAll(async () => {
  redis?.disconnect();
  await broker?.stop();
  await Promise.all([credit, payout, invoicing, network].map((double) => double?.app.close()));
  await env?.destroy();
});

/** One scheduler replica; `checkEveryMs` is its periodic schedule check. */
async function startScheduler(checkEveryMs: number) {
  const config = loadConfig(schedulerConfigSchema, {
    ...env.env,
    CREDIT_CLEARING_HOLD_MS: String(HOLD_MS),
    CREDIT_SWEEP_EVERY_MS: '1000',
    PAYOUT_SWEEP_EVERY_MS: '1000',
    PAYOUT_SWEEP_GRACE_MS: '500',
    PAYMENT_RESOLVE_EVERY_MS: '1000',
    OFFER_SWEEP_EVERY_MS: '1000',
    SCHEDULE_CHECK_EVERY_MS: String(checkEveryMs),
    RPC_TIMEOUT_MS: '2000',
  });
  await migrateScheduler(config);
  const app = await bootstrapService(SchedulerModule.forRoot(config), 0);
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const queue = (name: QueueName): Queue => app.get(JobQueue).queue(name);
  return { app, url, queue };
}

type Scheduler = Awaited<ReturnType<typeof startScheduler>>;

const DAY_MS = 86_400_000;
const day = (fromNow: number) => new Date(Date.now() + fromNow * DAY_MS).toISOString().slice(0, 10);

/**
 * Confirmed deposits whose clearing job is delayed by the hold, scheduled payouts whose
 * dispatch job is delayed until their dispatchAt, and a sent offer whose expiry job waits for
 * the end of its due date — as the services' state has them.
 */
async function workInFlight(scheduler: Scheduler) {
  const confirmedAt = Date.now();
  const deposits = Array.from({ length: 4 }, () => ({
    id: randomUUID(),
    creditInvoiceId: randomUUID(),
    createdAt: new Date(confirmedAt - 60_000).toISOString(),
    fundsConfirmedAt: new Date(confirmedAt).toISOString(),
  }));
  const dispatchAt = new Date(confirmedAt + HOLD_MS).toISOString();
  const payouts = Array.from({ length: 3 }, () => ({
    payoutId: randomUUID(),
    creatorId: randomUUID(),
    creatorEmail: `creator+${randomUUID().slice(0, 8)}@creator.test`,
    creatorName: 'Casey',
    projectId: randomUUID(),
    projectTitle: 'Spring shoot',
    amount: 150_000,
    currency: 'USD',
    attempt: 1,
    dispatchAt,
    expectedDate: dispatchAt.slice(0, 10),
    lastError: null,
  }));
  for (const d of deposits) {
    credit.state.pending.push(d);
    await broker.publish(DepositFundsConfirmedEvent, {
      depositId: d.id,
      brandId: randomUUID(),
      creditInvoiceId: d.creditInvoiceId,
      costCode: { id: randomUUID(), code: 'MKT', name: 'Marketing' },
      amount: 25_000,
      currency: 'USD',
      status: 'pending',
      version: 2,
      createdAt: d.createdAt,
      fundsConfirmedAt: d.fundsConfirmedAt,
      clearedAt: null,
      voidedAt: null,
    });
  }
  const offerId = randomUUID();
  await broker.publish(OfferSentEvent, {
    offerId,
    brandId: randomUUID(),
    brandName: 'Acme Studios',
    creatorId: randomUUID(),
    creatorEmail: `creator+${randomUUID().slice(0, 8)}@creator.test`,
    creatorName: 'Casey',
    title: 'Spring shoot',
    fee: 150_000,
    currency: 'USD',
    dueDate: day(0),
  });
  for (const p of payouts) {
    await broker.publish(PayoutScheduledEvent, p);
    // Due by the payout service's state: it reports the attempt until it is dispatched.
    payout.state.due.push({ payoutId: p.payoutId, attempt: 1, dispatchAt });
  }
  await eventually(async () => {
    for (const d of deposits) {
      expect(
        await scheduler.queue(QueueName.DepositClearing).getJobState(jobIds.clearDeposit(d.id)),
      ).toBe('delayed');
    }
    for (const p of payouts) {
      expect(
        await scheduler
          .queue(QueueName.PayoutDispatch)
          .getJobState(jobIds.payoutDispatch(p.payoutId, 1)),
      ).toBe('delayed');
    }
  });
  await eventually(async () =>
    expect(
      await scheduler.queue(QueueName.OfferExpiry).getJobState(jobIds.offerExpiry(offerId)),
    ).toBe('delayed'),
  );
  expect(await scheduleIds(scheduler)).toEqual(SCHEDULES);
  return { deposits, payouts, offerId, confirmedAt, dispatchAt: Date.parse(dispatchAt) };
}

async function scheduleIds(scheduler: Scheduler): Promise<string[]> {
  const schedulers = await scheduler.queue(QueueName.Sweeps).getJobSchedulers();
  return schedulers.map((s) => s.key).sort();
}

/**
 * Every lost job was redone: each deposit cleared once after its hold, each payout sent once
 * at its time, and the offer expired once its due date had passed.
 */
async function expectEveryJobRedone(work: Awaited<ReturnType<typeof workInFlight>>) {
  // Midnight passes while Redis is empty: creator-network now reports the offer as past due.
  network.state.due.push({ offerId: work.offerId, dueDate: day(-1) });
  await eventually(
    () => {
      for (const d of work.deposits) {
        expect(credit.state.callsTo(ClearDepositsRpc.pattern, { depositId: d.id })).toHaveLength(1);
      }
      for (const p of work.payouts) {
        expect(
          payout.state.callsTo(DispatchPayoutRpc.pattern, { payoutId: p.payoutId, attempt: 1 }),
        ).toHaveLength(1);
      }
      expect(network.state.callsTo(ExpireOfferRpc.pattern, { offerId: work.offerId })).toHaveLength(
        1,
      );
    },
    { timeoutMs: 20_000 },
  );
  for (const d of work.deposits) {
    const [call] = credit.state.callsTo(ClearDepositsRpc.pattern, { depositId: d.id });
    expect(call.at).toBeGreaterThanOrEqual(work.confirmedAt + HOLD_MS - 50);
  }
  for (const p of work.payouts) {
    const [call] = payout.state.callsTo(DispatchPayoutRpc.pattern, { payoutId: p.payoutId });
    expect(call.at).toBeGreaterThanOrEqual(work.dispatchAt - 50);
  }
  expect(credit.state.pending.filter((d) => work.deposits.some((w) => w.id === d.id))).toEqual([]);
}

/** What the keeper last restored, and why. */
function expectRestoredOn(scheduler: Scheduler, reason: KeeperReason) {
  const restored = scheduler.app.get(SweepScheduleKeeper).lastRestored;
  expect(restored?.reason).toBe(reason);
  expect([...(restored?.ids ?? [])].sort()).toEqual(SCHEDULES);
}

async function readiness(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/health/ready`);
  return { status: res.status, body: await res.json() };
}

describe('Redis emptied under a live connection', () => {
  let scheduler: Scheduler;
  beforeAll(async () => {
    scheduler = await startScheduler(3_000);
  });
  afterAll(() => scheduler?.app.close());

  it('reports the missing schedules, restores them on its periodic check, and redoes every lost job', async () => {
    const work = await workInFlight(scheduler);
    expect((await readiness(scheduler.url)).status).toBe(200);

    await deleteRedisKeys(env.prefix);
    expect(
      await scheduler
        .queue(QueueName.DepositClearing)
        .getJob(jobIds.clearDeposit(work.deposits[0].id)),
    ).toBeUndefined();

    const notReady = await eventually(async () => {
      const r = await readiness(scheduler.url);
      expect(r.status).toBe(503);
      return r.body;
    });
    expect(notReady).toMatchObject({
      code: 'dependency_unavailable',
      checks: { schedules: { status: 'down' }, redis: { status: 'up' } },
    });
    for (const id of SCHEDULES) expect(notReady.checks.schedules.message).toContain(id);

    await eventually(async () => expect(await scheduleIds(scheduler)).toEqual(SCHEDULES), {
      timeoutMs: 10_000,
    });
    await eventually(async () => expect((await readiness(scheduler.url)).status).toBe(200));
    expectRestoredOn(scheduler, 'check');
    await expectEveryJobRedone(work);
  });
});

describe('Redis restarted without its data', () => {
  let scheduler: Scheduler;
  beforeAll(async () => {
    // No periodic check within the test: only the reconnection can bring the schedules back.
    scheduler = await startScheduler(3_600_000);
  });
  afterAll(() => scheduler?.app.close());

  /** Drops this scheduler's Redis connections (its names start with the test's prefix). */
  async function dropConnections(): Promise<number> {
    const list = (await redis.client('LIST')) as string;
    const ids = list
      .split('\n')
      .map((line) => ({
        id: /(?:^|\s)id=(\d+)/.exec(line)?.[1],
        name: /(?:^|\s)name=(\S*)/.exec(line)?.[1] ?? '',
      }))
      .filter((c) => c.id && c.name.startsWith(`${env.prefix}:`));
    for (const { id } of ids) await redis.client('KILL', 'ID', id!);
    return ids.length;
  }

  it('restores the schedules when its connection comes back, and redoes every lost job', async () => {
    const work = await workInFlight(scheduler);
    await deleteRedisKeys(env.prefix);
    expect(await dropConnections()).toBeGreaterThan(0);

    await eventually(async () => expect(await scheduleIds(scheduler)).toEqual(SCHEDULES), {
      timeoutMs: 10_000,
    });
    expectRestoredOn(scheduler, 'reconnect');
    await eventually(async () => expect((await readiness(scheduler.url)).status).toBe(200));
    await expectEveryJobRedone(work);
  });
});
