import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@glimmer/contracts/actor';
import { ProjectInvoicePaidEvent } from '@glimmer/contracts/invoicing/project-invoice.events';
import { CreatorJoinedEvent } from '@glimmer/contracts/network/network.events';
import { AddPayoutMethodRpc } from '@glimmer/contracts/payout/payout-method.messages';
import { ListMyPayoutsRpc, PayoutView } from '@glimmer/contracts/payout/payout.messages';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { eventually } from '@glimmer/testing/eventually';
import { deleteRedisKeys } from '@glimmer/testing/test-env';
import { loginOps, paymentArrived, signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem } from './support/system';

/** Both the clearing hold and the payout dispatch delay: long enough to lose their jobs first. */
const HOLD_MS = 20_000;

/**
 * The incident: Redis came back without its data while deposits had their funds
 * confirmed and their clearing job delayed by the hold, and payouts were scheduled with their
 * dispatch job delayed. PostgreSQL still knows them; the scheduler must notice its schedules are
 * gone, say so, restore them, clear every deposit and send every payout when due.
 */
describe('a Redis that comes back empty, end to end', () => {
  const system = new GlimmerSystem('redisloss', {
    CREDIT_CLEARING_HOLD_MS: String(HOLD_MS),
    CREDIT_SWEEP_EVERY_MS: '2000',
    PAYOUT_DISPATCH_DELAY_MS: String(HOLD_MS),
    PAYOUT_SWEEP_EVERY_MS: '2000',
    PAYOUT_SWEEP_GRACE_MS: '1000',
    SCHEDULE_CHECK_EVERY_MS: '4000',
  });
  let anon: Api;
  let ops: Api;
  let brand: SignedUpBrand;
  let redis: Redis;
  let broker: BrokerTestClient;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    ops = await loginOps(anon);
    brand = await signUpBrand(anon);
    redis = new Redis(system.env.env.REDIS_URL);
    broker = await new BrokerTestClient({
      prefix: system.env.prefix,
      url: system.env.env.RABBITMQ_URL,
    }).start();
  });

  afterAll(async () => {
    redis?.disconnect();
    await broker?.stop();
    await system.stop();
  });

  const schedulerReadiness = async (): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${system.healthUrl('scheduler')}/health/ready`);
    return { status: res.status, body: await res.json() };
  };

  /**
   * A creator with a preferred payout method whose project invoice was paid: the payout service
   * schedules its payout HOLD_MS later. The test speaks for creator-network and invoicing (their
   * events) and for the creator (the RPC the gateway would make); payout itself is real.
   */
  const scheduledPayout = async (): Promise<{ creator: Actor; invoiceId: string }> => {
    const creatorId = randomUUID();
    const email = `creator-${creatorId.slice(0, 8)}@creator.test`;
    await broker.publish(CreatorJoinedEvent, {
      brandId: brand.id,
      brandName: 'Brand',
      creatorId,
      creatorName: 'Casey',
      creatorEmail: email,
      inviteId: randomUUID(),
      joinedAt: new Date().toISOString(),
    });
    const creator: Actor = { userId: randomUUID(), role: 'creator', creatorId, email };
    await broker.rpc.call(AddPayoutMethodRpc, {
      actor: creator,
      type: 'payoneer',
      country: 'GB',
      details: { email },
    });
    const invoiceId = randomUUID();
    await broker.publish(ProjectInvoicePaidEvent, {
      invoiceId,
      projectId: randomUUID(),
      brandId: brand.id,
      creatorId,
      title: 'Spring shoot',
      amount: 50_000,
      currency: 'USD',
      paidAt: new Date().toISOString(),
    });
    return { creator, invoiceId };
  };

  const payoutOf = async (creator: Actor): Promise<PayoutView | undefined> =>
    (await broker.rpc.call(ListMyPayoutsRpc, { actor: creator })).data[0];

  it('restores the schedules, reports them missing until then, clears every confirmed deposit and sends every due payout', async () => {
    const payouts = [await scheduledPayout(), await scheduledPayout(), await scheduledPayout()];
    const deposits: { id: string; costCodeId: string; amount: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const amount = 1_000 * (i + 1);
      const res = await brand.api.post('/v1/credit/deposits', {
        amount,
        costCode: { code: `LOST-${i}`, name: `Lost ${i}` },
      });
      expect(res.status).toBe(201);
      expect((await paymentArrived(anon, res.body)).status).toBe(202);
      deposits.push({ id: res.body.id, costCodeId: res.body.costCodeId, amount });
    }
    const clearingKey = (id: string) =>
      `${system.env.prefix}:bull:deposit-clearing:clear-deposit.${id}`;
    const dispatchKey = (id: string) =>
      `${system.env.prefix}:bull:payout-dispatch:payout-dispatch.${id}.1`;
    await eventually(async () => {
      for (const d of deposits) {
        const { body } = await brand.api.get(`/v1/credit/deposits/${d.id}`);
        expect(body).toMatchObject({ status: 'pending', fundsConfirmedAt: expect.any(String) });
        expect(await redis.exists(clearingKey(d.id))).toBe(1); // the delayed clearing job
      }
      for (const p of payouts) {
        const payout = await payoutOf(p.creator);
        expect(payout).toMatchObject({ invoiceId: p.invoiceId, status: 'scheduled' });
        expect(await redis.exists(dispatchKey(payout!.id))).toBe(1); // the delayed dispatch job
      }
    });
    const payoutIds = await Promise.all(payouts.map(async (p) => (await payoutOf(p.creator))!.id));
    expect((await schedulerReadiness()).status).toBe(200);

    // A sweep that was running as the keys went can still add a clearing job back (it read the
    // pending deposits before): empty Redis again until a moment when every job is gone.
    await eventually(async () => {
      await deleteRedisKeys(system.env.prefix);
      for (const d of deposits) expect(await redis.exists(clearingKey(d.id))).toBe(0);
      for (const id of payoutIds) expect(await redis.exists(dispatchKey(id))).toBe(0);
    });

    const notReady = await eventually(async () => {
      const r = await schedulerReadiness();
      expect(r.status).toBe(503);
      return r.body;
    });
    expect(notReady.checks.schedules.status).toBe('down');
    expect(notReady.checks.schedules.message).toContain('pending-deposit-sweep');
    expect(notReady.checks.schedules.message).toContain('payout-sweep');
    await eventually(async () => expect((await schedulerReadiness()).status).toBe(200), {
      timeoutMs: 15_000,
    });

    for (const d of deposits) {
      const { body } = await brand.api.get(`/v1/credit/deposits/${d.id}`);
      expect(body.status).toBe('pending'); // the hold still runs from fundsConfirmedAt
    }
    for (const p of payouts) expect((await payoutOf(p.creator))?.status).toBe('scheduled');
    await eventually(
      async () => {
        for (const d of deposits) {
          expect((await brand.api.get(`/v1/credit/deposits/${d.id}`)).body.status).toBe('cleared');
        }
        for (const p of payouts) {
          expect(await payoutOf(p.creator)).toMatchObject({ status: 'paid', attempts: 1 });
        }
      },
      { timeoutMs: HOLD_MS + 30_000, intervalMs: 500 },
    );
    for (const d of deposits) {
      const { body } = await brand.api.get(`/v1/cost-codes/${d.costCodeId}`);
      expect(body).toMatchObject({ available: d.amount, pending: 0 });
    }
    expect((await ops.get('/v1/ops/ledger/verify')).body).toMatchObject({ ok: true });
  }, 180_000);
});
