import Redis from 'ioredis';
import { eventually } from '@glimmer/testing/eventually';
import { deleteRedisKeys } from '@glimmer/testing/test-env';
import { loginOps, paymentArrived, signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem } from './support/system';

const HOLD_MS = 15_000;

/**
 * The incident: Redis came back without its data while deposits had their funds
 * confirmed and their clearing job delayed by the hold. PostgreSQL still knows them; the
 * scheduler must notice its schedules are gone, say so, restore them, and clear every deposit.
 */
describe('a Redis that comes back empty, end to end', () => {
  const system = new GlimmerSystem('redisloss', {
    CREDIT_CLEARING_HOLD_MS: String(HOLD_MS),
    CREDIT_SWEEP_EVERY_MS: '2000',
    SCHEDULE_CHECK_EVERY_MS: '4000',
  });
  let anon: Api;
  let ops: Api;
  let brand: SignedUpBrand;
  let redis: Redis;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    ops = await loginOps(anon);
    brand = await signUpBrand(anon);
    redis = new Redis(system.env.env.REDIS_URL);
  });

  afterAll(async () => {
    redis?.disconnect();
    await system.stop();
  });

  const schedulerReadiness = async (): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${system.healthUrl('scheduler')}/health/ready`);
    return { status: res.status, body: await res.json() };
  };

  it('restores the schedules, reports them missing until then, and clears every confirmed deposit', async () => {
    const deposits: { id: string; costCodeId: string; amount: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const amount = 1_000 * (i + 1);
      const res = await brand.api.post('/v1/credit/deposits', {
        amount,
        costCode: { code: `LOST-${i}`, name: `Lost ${i}` },
      });
      expect(res.status).toBe(201);
      expect((await paymentArrived(anon, res.body.creditInvoiceId)).status).toBe(202);
      deposits.push({ id: res.body.id, costCodeId: res.body.costCodeId, amount });
    }
    const clearingKey = (id: string) =>
      `${system.env.prefix}:bull:deposit-clearing:clear-deposit.${id}`;
    await eventually(async () => {
      for (const d of deposits) {
        const { body } = await brand.api.get(`/v1/credit/deposits/${d.id}`);
        expect(body).toMatchObject({ status: 'pending', fundsConfirmedAt: expect.any(String) });
        expect(await redis.exists(clearingKey(d.id))).toBe(1); // the delayed clearing job
      }
    });
    expect((await schedulerReadiness()).status).toBe(200);

    await deleteRedisKeys(system.env.prefix);
    for (const d of deposits) expect(await redis.exists(clearingKey(d.id))).toBe(0);

    const notReady = await eventually(async () => {
      const r = await schedulerReadiness();
      expect(r.status).toBe(503);
      return r.body;
    });
    expect(notReady.checks.schedules.status).toBe('down');
    expect(notReady.checks.schedules.message).toContain('pending-deposit-sweep');
    await eventually(async () => expect((await schedulerReadiness()).status).toBe(200), {
      timeoutMs: 15_000,
    });

    for (const d of deposits) {
      const { body } = await brand.api.get(`/v1/credit/deposits/${d.id}`);
      expect(body.status).toBe('pending'); // the hold still runs from fundsConfirmedAt
    }
    await eventually(
      async () => {
        for (const d of deposits) {
          expect((await brand.api.get(`/v1/credit/deposits/${d.id}`)).body.status).toBe('cleared');
        }
      },
      { timeoutMs: HOLD_MS + 30_000, intervalMs: 500 },
    );
    for (const d of deposits) {
      const { body } = await brand.api.get(`/v1/cost-codes/${d.costCodeId}`);
      expect(body).toMatchObject({ available: d.amount, pending: 0 });
    }
    expect((await ops.get('/v1/ops/ledger/verify')).body).toMatchObject({ ok: true });
  });
});
