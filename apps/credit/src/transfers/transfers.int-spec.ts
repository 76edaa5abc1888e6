import { randomUUID } from 'node:crypto';
import { CreateTransferRpc } from '@glimmer/contracts/credit/transfer.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { MetricsRegistry } from '@glimmer/observability/metrics';
import { CreditTestApp } from '../testing/credit-test-app';

describe('credit: transfers (over the broker)', () => {
  let t: CreditTestApp;
  beforeAll(async () => {
    t = await CreditTestApp.start('transfers');
  });
  afterAll(async () => {
    await t?.stop();
  });
  afterEach(async () => {
    expect((await t.verify()).mismatches).toEqual([]);
  });

  /** The group commit's batch-size histogram, by outcome: how many batches, how many items. */
  const groupCommitBatches = async () => {
    const metric = await t.app
      .get(MetricsRegistry)
      .registry.getSingleMetric('glimmer_credit_group_commit_batch_size')!
      .get();
    const pick = (outcome: string, name: string) =>
      metric.values
        .filter(
          (v) => v.labels.outcome === outcome && (v as { metricName?: string }).metricName === name,
        )
        .reduce((s, v) => s + v.value, 0);
    return {
      committed: {
        count: pick('committed', 'glimmer_credit_group_commit_batch_size_count'),
        sum: pick('committed', 'glimmer_credit_group_commit_batch_size_sum'),
      },
      failed: { count: pick('failed', 'glimmer_credit_group_commit_batch_size_count') },
    };
  };

  const transfer = (
    actor: ReturnType<typeof brandActor>,
    from: string,
    to: string,
    amount: number,
    key: string = randomUUID(),
  ) =>
    t.call(CreateTransferRpc, {
      actor,
      idempotencyKey: key,
      amount,
      fromCostCodeId: from,
      toCostCodeId: to,
    });

  it('moves available credit between two cost codes', async () => {
    const actor = brandActor();
    const [a, b] = [await t.costCode(actor), await t.costCode(actor)];
    await t.fund(actor, a.id, 1_000);
    const moved = await transfer(actor, a.id, b.id, 400);
    expect(moved).toMatchObject({
      amount: 400,
      currency: 'USD',
      fromCostCodeId: a.id,
      toCostCodeId: b.id,
    });
    expect(await t.balances(a.id)).toEqual({ available: 600, pending: 0 });
    expect(await t.balances(b.id)).toEqual({ available: 400, pending: 0 });
  });

  it('creates the destination on the fly, and rolls it back when the transfer fails', async () => {
    const actor = brandActor();
    const a = await t.costCode(actor);
    await t.fund(actor, a.id, 100);
    const moved = await t.call(CreateTransferRpc, {
      actor,
      idempotencyKey: 'new-dest',
      amount: 100,
      fromCostCodeId: a.id,
      toCostCode: { code: 'DEST', name: 'd' },
    });
    expect(await t.balances(moved.toCostCodeId)).toEqual({ available: 100, pending: 0 });
    const before = await t.counts();
    await expectError(
      t.call(CreateTransferRpc, {
        actor,
        idempotencyKey: 'new-dest-2',
        amount: 1,
        fromCostCodeId: a.id,
        toCostCode: { code: 'DEST2', name: 'd' },
      }),
      'insufficient_available_credit',
    );
    await expectError(
      t.call(CreateTransferRpc, {
        actor,
        idempotencyKey: 'new-dest-3',
        amount: 1,
        fromCostCodeId: moved.toCostCodeId,
        toCostCode: { code: 'dest', name: 'd' },
      }),
      'duplicate_cost_code',
    );
    expect(await t.counts()).toEqual(before);
  });

  it('refuses an over-draw with the available amount, and changes nothing', async () => {
    const actor = brandActor();
    const [a, b] = [await t.costCode(actor), await t.costCode(actor)];
    await t.fund(actor, a.id, 250);
    await t.deposit(actor, a.id, 10_000); // pending: never transferable
    const before = await t.counts();
    const err = await expectError(
      transfer(actor, a.id, b.id, 251),
      'insufficient_available_credit',
    );
    expect(err.status).toBe(409);
    expect(err.extra.meta).toMatchObject({ available: 250, requested: 251, costCodeId: a.id });
    expect(await t.counts()).toEqual(before);
    expect(await t.balances(a.id)).toEqual({ available: 250, pending: 10_000 });
  });

  it('rejects same origin and destination, bad input and other brands, changing nothing', async () => {
    const actor = brandActor();
    const [a, b] = [await t.costCode(actor), await t.costCode(actor)];
    await t.fund(actor, a.id, 100);
    const theirs = await t.costCode(brandActor());
    const before = await t.counts();
    await expectError(transfer(actor, a.id, a.id, 10), 'same_cost_code');
    await expectError(transfer(actor, a.id, theirs.id, 10), 'not_found');
    await expectError(transfer(actor, theirs.id, b.id, 10), 'not_found');
    await expectError(transfer(actor, a.id, randomUUID(), 10), 'not_found');
    const both = await expectError(
      t.call(CreateTransferRpc, {
        actor,
        idempotencyKey: 'x',
        amount: 1,
        fromCostCodeId: a.id,
        toCostCodeId: b.id,
        toCostCode: { code: 'Z', name: 'z' },
      }),
      'validation_failed',
    );
    expect(both.extra.errors?.map((e) => e.field).sort()).toEqual(['toCostCode', 'toCostCodeId']);
    await expectError(
      t.call(CreateTransferRpc, { actor, idempotencyKey: 'y', amount: 1, fromCostCodeId: a.id }),
      'validation_failed',
    );
    await expectError(transfer(actor, a.id, b.id, 0), 'validation_failed');
    await expectError(transfer({ ...actor, role: 'creator' } as never, a.id, b.id, 1), 'forbidden');
    await expectError(transfer(actor, a.id, b.id, 1, 'bad key with spaces'), 'validation_failed');
    await expectError(transfer({ ...actor, currency: 'EUR' }, a.id, b.id, 1), 'currency_mismatch');
    expect(await t.counts()).toEqual(before);
  });

  it('replays a key with the same request and refuses a different one', async () => {
    const actor = brandActor();
    const [a, b, c] = [await t.costCode(actor), await t.costCode(actor), await t.costCode(actor)];
    await t.fund(actor, a.id, 1_000);
    const first = await transfer(actor, a.id, b.id, 100, 'tk');
    expect(await transfer(actor, a.id, b.id, 100, 'tk')).toEqual(first);
    const before = await t.counts();
    await expectError(transfer(actor, a.id, b.id, 101, 'tk'), 'idempotency_key_reused');
    await expectError(transfer(actor, a.id, c.id, 100, 'tk'), 'idempotency_key_reused');
    expect(await t.counts()).toEqual(before);
    const racers = await Promise.all(
      Array.from({ length: 20 }, () => transfer(actor, a.id, c.id, 50, 'tk-race')),
    );
    expect(new Set(racers.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await t.balances(a.id)).toEqual({ available: 850, pending: 0 });
  });

  it('50 concurrent transfers out of a code that covers 7: exactly 7 succeed, balances exact', async () => {
    const actor = brandActor();
    const from = await t.costCode(actor);
    const targets = [await t.costCode(actor), await t.costCode(actor), await t.costCode(actor)];
    await t.fund(actor, from.id, 7 * 130 + 129); // covers 7 transfers of 130, not 8
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => transfer(actor, from.id, targets[i % 3].id, 130)),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(ok).toHaveLength(7);
    expect(refused.map((r) => (r.reason as DomainError).code)).toEqual(
      Array(43).fill('insufficient_available_credit'),
    );
    expect(await t.balances(from.id)).toEqual({ available: 129, pending: 0 });
    const landed = await Promise.all(targets.map((c) => t.balances(c.id)));
    expect(landed.reduce((s, b) => s + b.available, 0)).toBe(7 * 130);
    const rows = await t.sql(`select id from transfer where from_cost_code_id = $1`, [from.id]);
    expect(rows).toHaveLength(7);
    // They went through the group commit: transactions of several transfers, none failed whole.
    const batches = await groupCommitBatches();
    expect(batches.committed.count).toBeGreaterThan(0);
    expect(batches.committed.sum).toBeGreaterThan(batches.committed.count);
    expect(batches.failed.count).toBe(0);
  });

  it('opposite-direction concurrent transfers never deadlock', async () => {
    const actor = brandActor();
    const [a, b] = [await t.costCode(actor), await t.costCode(actor)];
    await t.fund(actor, a.id, 10_000);
    await t.fund(actor, b.id, 10_000);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        i % 2 ? transfer(actor, a.id, b.id, 7) : transfer(actor, b.id, a.id, 5),
      ),
    );
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failures.map((f) => String(f.reason))).toEqual([]);
    expect(await t.balances(a.id)).toEqual({ available: 10_000 - 30 * 7 + 30 * 5, pending: 0 });
    expect(await t.balances(b.id)).toEqual({ available: 10_000 + 30 * 7 - 30 * 5, pending: 0 });
  });
});
