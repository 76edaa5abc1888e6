import { randomUUID } from 'node:crypto';
import {
  GetPayoutRpc,
  ListPayoutsForOpsRpc,
  OpsPayoutSummary,
  PayoutStatus,
  RetryPayoutRpc,
} from '@glimmer/contracts/payout/payout.messages';
import { expectError } from '@glimmer/testing/service-test-app';
import { PayoutTestApp } from '../testing/payout-test-app';

const ops = { userId: randomUUID(), role: 'ops' as const };

describe('payout: what ops see (lists by status, attempt history)', () => {
  let t: PayoutTestApp;
  beforeAll(async () => {
    t = await PayoutTestApp.start('payoutsops', {
      PAYOUT_DISPATCH_DELAY_MS: '0',
      PAYOUT_SANDBOX_FAIL_RATE: '1',
      PAYOUT_SANDBOX_LATENCY_MS: '0',
      PAYOUT_MAX_ATTEMPTS: '2',
      PAYOUT_RETRY_BASE_MS: '50',
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const allPages = async (status?: PayoutStatus) => {
    const seen: OpsPayoutSummary[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.call(ListPayoutsForOpsRpc, { actor: ops, status, limit: 2, cursor });
      seen.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  };

  it('records each attempt with its error and time, and lists flagged payouts newest first', async () => {
    const creator = await t.joinedCreator();
    await t.addPayoneer(creator);
    const flagged: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await t.payoutFor(t.invoicePaid(creator.creatorId, { title: `Shoot ${i}` }));
      await t.dispatchWhenDue(id, 1);
      expect(await t.dispatchWhenDue(id, 2)).toMatchObject({ status: 'needs_attention' });
      flagged.push(id);
    }
    const failing = await t.payoutFor(t.invoicePaid(creator.creatorId));
    expect(await t.dispatchWhenDue(failing.id, 1)).toMatchObject({ status: 'failed' });
    const noMethod = await t.joinedCreator('Nomad');
    await t.payoutFor(t.invoicePaid(noMethod.creatorId));

    const listed = await allPages('needs_attention');
    expect(listed.map((p) => p.id)).toEqual([...flagged].reverse());
    expect(listed[2]).toMatchObject({
      id: flagged[0],
      projectTitle: 'Shoot 0',
      status: 'needs_attention',
      attempts: 2,
      lastError: expect.stringMatching(/sandbox/),
      updatedAt: expect.any(String),
    });
    expect((await allPages('failed')).map((p) => p.id)).toEqual([failing.id]);
    expect((await allPages()).length).toBe(5);

    const shown = await t.call(GetPayoutRpc, { actor: ops, payoutId: flagged[0] });
    expect(shown.history).toEqual(
      [1, 2].map((attempt) => ({
        attempt,
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
        outcome: 'failed',
        error: expect.stringMatching(/sandbox/),
        providerReference: null,
      })),
    );
    expect(Date.parse(shown.history[1].startedAt)).toBeGreaterThanOrEqual(
      Date.parse(shown.history[0].finishedAt!),
    );

    // A retry adds a third attempt to the history.
    await t.call(RetryPayoutRpc, { actor: ops, payoutId: flagged[0] });
    await t.dispatchWhenDue(flagged[0], 3);
    const again = await t.call(GetPayoutRpc, { actor: ops, payoutId: flagged[0] });
    expect(again).toMatchObject({ status: 'needs_attention', attempts: 3 });
    expect(again.history.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
    ]);

    await expectError(t.call(ListPayoutsForOpsRpc, { actor: creator }), 'forbidden');
    await expectError(
      t.call(ListPayoutsForOpsRpc, { actor: ops, cursor: 'not-ours' }),
      'validation_failed',
    );
  });
});
