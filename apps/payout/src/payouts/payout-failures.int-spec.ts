import { randomUUID } from 'node:crypto';
import {
  DispatchPayoutRpc,
  GetPayoutRpc,
  RetryPayoutRpc,
} from '@glimmer/contracts/payout/payout.messages';
import { expectError } from '@glimmer/testing/service-test-app';
import { PayoutTestApp } from '../testing/payout-test-app';

const ops = { userId: randomUUID(), role: 'ops' as const };

describe('payout: failed attempts, backoff and ops (over the broker)', () => {
  let t: PayoutTestApp;
  beforeAll(async () => {
    t = await PayoutTestApp.start('failures', {
      PAYOUT_DISPATCH_DELAY_MS: '0',
      PAYOUT_SANDBOX_FAIL_RATE: '1',
      PAYOUT_SANDBOX_LATENCY_MS: '0',
      PAYOUT_MAX_ATTEMPTS: '3',
      PAYOUT_RETRY_BASE_MS: '50',
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('retries with exponential backoff, then flags ops; ops may allow one more attempt', async () => {
    const creator = await t.joinedCreator();
    await t.addPayoneer(creator);
    const { id } = await t.payoutFor(t.invoicePaid(creator.creatorId));

    expect(await t.dispatchWhenDue(id, 1)).toEqual({ payoutId: id, status: 'failed', attempt: 1 });
    const afterFirst = await t.payout(id);
    expect(afterFirst).toMatchObject({ status: 'failed', attempts: 1 });
    expect(afterFirst.last_error).toMatch(/sandbox/);
    expect(afterFirst.dispatch_at!.getTime() - afterFirst.updated_at.getTime()).toBe(50);
    // the attempt that failed is over: running it again does nothing
    expect(await t.call(DispatchPayoutRpc, { payoutId: id, attempt: 1 })).toMatchObject({
      status: 'failed',
      skipped: expect.any(String),
    });

    expect(await t.dispatchWhenDue(id, 2)).toMatchObject({ status: 'failed', attempt: 2 });
    const afterSecond = await t.payout(id);
    expect(afterSecond.dispatch_at!.getTime() - afterSecond.updated_at.getTime()).toBe(100);

    expect(await t.dispatchWhenDue(id, 3)).toMatchObject({ status: 'needs_attention', attempt: 3 });
    expect(await t.payout(id)).toMatchObject({ status: 'needs_attention', attempts: 3 });

    const keys = (await t.transfers(id)).map((r) => [r.idempotency_key, r.outcome]);
    expect(keys).toEqual([1, 2, 3].map((a) => [`${id}:${a}`, 'failed']));
    const events = await t.eventsOf(id);
    expect(events.map((e) => [e.pattern, e.payload.attempt ?? e.payload.attempts])).toEqual([
      ['payout.payout.scheduled.v1', 1],
      ['payout.payout.scheduled.v1', 2],
      ['payout.payout.scheduled.v1', 3],
      ['payout.payout.failed.v1', 3],
    ]);
    expect(events[1].payload.lastError).toMatch(/sandbox/);
    expect(events[3].payload).toMatchObject({
      creatorEmail: creator.email,
      reason: expect.stringMatching(/sandbox/),
    });

    // ops: one more attempt, due now, with a new provider key
    await expectError(t.call(RetryPayoutRpc, { actor: creator, payoutId: id }), 'forbidden');
    const retried = await t.call(RetryPayoutRpc, { actor: ops, payoutId: id });
    expect(retried).toMatchObject({ status: 'scheduled', attempts: 3 });
    const scheduled = await t.eventsOf(id, 'payout.payout.scheduled.v1');
    expect(scheduled[scheduled.length - 1].payload).toMatchObject({ attempt: 4 });
    await expectError(t.call(RetryPayoutRpc, { actor: ops, payoutId: id }), 'payout_not_retryable');
    expect(await t.dispatchWhenDue(id, 4)).toMatchObject({ status: 'needs_attention', attempt: 4 });
    expect(await t.transfers(id)).toHaveLength(4);
    expect(await t.call(GetPayoutRpc, { actor: ops, payoutId: id })).toMatchObject({
      status: 'needs_attention',
      attempts: 4,
      lastError: expect.stringMatching(/sandbox/),
    });
    expect(await t.eventsOf(id, 'payout.payout.failed.v1')).toHaveLength(2);
  });

  it('never schedules a retry past the payout due date', async () => {
    const creator = await t.joinedCreator();
    await t.addPayoneer(creator);
    // paid 14 days ago less 20 ms: the promise runs out before the 50 ms backoff would
    const paidAt = new Date(Date.now() - 14 * 86_400_000 + 20);
    const { id } = await t.payoutFor(
      t.invoicePaid(creator.creatorId, { paidAt: paidAt.toISOString() }),
    );
    await t.dispatchWhenDue(id, 1);
    const failed = await t.payout(id);
    expect(failed.status).toBe('failed');
    expect(failed.dispatch_at!.getTime()).toBeLessThanOrEqual(
      Math.max(failed.due_by.getTime(), failed.updated_at.getTime()),
    );
  });
});
