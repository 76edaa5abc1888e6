import { randomUUID } from 'node:crypto';
import type { Actor } from '@glimmer/contracts/actor';
import { VoidCreditInvoiceRpc } from '@glimmer/contracts/credit/deposit.messages';
import {
  ListUnmatchedPaymentsRpc,
  ReceivePaymentRpc,
  ResolveUnmatchedPaymentRequest,
  ResolveUnmatchedPaymentRpc,
} from '@glimmer/contracts/credit/payment-notice.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

/**
 * Ops resolve a payment that cleared nothing (issue #11 item 10: "recorded and shown to ops to
 * refund or to re-open"): the row says who did what and when, it leaves the open list, no money
 * moves, and it happens once — a second resolution is a 409, concurrent ones leave one winner,
 * and the same request run again (a retry, a redelivery) answers the same row.
 */
describe('credit: resolving unmatched payments (over the broker)', () => {
  let t: CreditTestApp;
  const opsUser = (): Actor => ({
    userId: randomUUID(),
    role: 'ops',
    email: `ops-${randomUUID().slice(0, 8)}@glimmer.test`,
  });
  const ops = opsUser();
  beforeAll(async () => {
    t = await CreditTestApp.start('payresolve');
  });
  afterAll(async () => {
    await t?.stop();
  });
  afterEach(async () => {
    expect((await t.verify()).mismatches).toEqual([]);
  });

  /** Late funds for a credit invoice that was deleted: the notice ops must settle. */
  async function lateFunds(amount = 4_200): Promise<{ noticeId: string; depositId: string }> {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const deposit = await t.deposit(actor, code.id, amount);
    await t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: deposit.creditInvoiceId });
    const err = await expectError(
      t.call(ReceivePaymentRpc, {
        creditInvoiceId: deposit.creditInvoiceId,
        amount,
        currency: 'USD',
        providerReference: `late_${randomUUID()}`,
      }),
      'deposit_voided',
    );
    return { noticeId: err.extra.meta!.paymentNoticeId as string, depositId: deposit.id };
  }
  const list = async (status?: 'open' | 'resolved') =>
    (await t.call(ListUnmatchedPaymentsRpc, { actor: ops, limit: 200, status })).data;
  const resolveBy = (
    actor: Actor,
    paymentNoticeId: string,
    overrides: Partial<ResolveUnmatchedPaymentRequest> = {},
  ) =>
    t.call(ResolveUnmatchedPaymentRpc, {
      actor,
      paymentNoticeId,
      resolution: 'refunded',
      note: 'Refunded at the provider, refund re_81Kd2',
      ...overrides,
    });

  it('records who resolved it, how, when and why; it leaves the open list and moves no money', async () => {
    const { noticeId, depositId } = await lateFunds();
    expect((await list()).map((n) => n.id)).toContain(noticeId);
    expect((await list()).find((n) => n.id === noticeId)).toMatchObject({
      status: 'open',
      resolution: null,
      resolutionNote: null,
      resolvedBy: null,
      resolvedAt: null,
    });
    const before = await t.counts();
    const events = await t.depositEvents(depositId);

    const resolved = await resolveBy(ops, noticeId, { note: '  Refunded, re_81Kd2  ' });
    expect(resolved).toMatchObject({
      id: noticeId,
      outcome: 'deposit_voided',
      status: 'resolved',
      resolution: 'refunded',
      resolutionNote: 'Refunded, re_81Kd2',
      resolvedBy: { userId: ops.userId, email: ops.email },
      resolvedAt: expect.any(String),
    });

    expect((await list()).map((n) => n.id)).not.toContain(noticeId);
    expect((await list('open')).map((n) => n.id)).not.toContain(noticeId);
    expect((await list('resolved')).find((n) => n.id === noticeId)).toEqual(resolved);
    // Nothing but the notice's row changed: no ledger entry, no deposit change, no event.
    expect(await t.counts()).toEqual(before);
    expect(await t.depositEvents(depositId)).toEqual(events);
  });

  it('resolving a resolved payment again is a 409 naming the first resolution; the same request again answers the row', async () => {
    const { noticeId } = await lateFunds();
    const first = await resolveBy(ops, noticeId, { resolution: 'credited_manually' });

    const other = await expectError(
      resolveBy(ops, noticeId, { resolution: 'refunded' }),
      'payment_already_resolved',
    );
    expect(other.status).toBe(409);
    expect(other.extra.meta).toMatchObject({
      paymentNoticeId: noticeId,
      resolution: 'credited_manually',
      resolvedBy: { userId: ops.userId, email: ops.email },
      resolvedAt: first.resolvedAt,
    });
    await expectError(
      resolveBy(ops, noticeId, { resolution: 'credited_manually', note: 'Another note' }),
      'payment_already_resolved',
    );
    // Another person with the very same body: still someone else's resolution.
    await expectError(
      resolveBy(opsUser(), noticeId, { resolution: 'credited_manually' }),
      'payment_already_resolved',
    );

    // The same request run twice (the gateway retrying after a timeout, or the broker
    // redelivering it after a crash): the first answer, nothing rewritten.
    const again = await resolveBy(ops, noticeId, { resolution: 'credited_manually' });
    expect(again).toEqual(first);
    const [row] = await t.sql<{ resolution: string; resolved_at: Date }>(
      `select resolution, resolved_at from payment_notice where id = $1`,
      [noticeId],
    );
    expect(row.resolution).toBe('credited_manually');
    expect(row.resolved_at.toISOString()).toBe(first.resolvedAt);
  });

  it('concurrent resolutions by different people: exactly one wins, the others get 409', async () => {
    const { noticeId } = await lateFunds();
    const people = Array.from({ length: 8 }, () => opsUser());
    const answers = await Promise.allSettled(
      people.map((person, i) =>
        resolveBy(person, noticeId, {
          resolution: i % 2 ? 'refunded' : 'reversed_by_provider',
          note: `Resolution ${i}`,
        }),
      ),
    );
    const won = answers.filter((a) => a.status === 'fulfilled');
    const lost = answers.filter((a) => a.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((a) => ((a as PromiseRejectedResult).reason as DomainError).code)).toEqual(
      Array(7).fill('payment_already_resolved'),
    );
    const winner = (won[0] as PromiseFulfilledResult<{ resolvedBy: { userId: string } }>).value;
    const [row] = await t.sql<{ resolved_by: string }>(
      `select resolved_by from payment_notice where id = $1`,
      [noticeId],
    );
    expect(row.resolved_by).toBe(winner.resolvedBy.userId);

    // The same request delivered several times at once: one resolution, every copy answered with it.
    const twice = await lateFunds();
    const copies = await Promise.all(
      Array.from({ length: 4 }, () => resolveBy(ops, twice.noticeId)),
    );
    expect(new Set(copies.map((c) => c.resolvedAt)).size).toBe(1);
  });

  it('an unknown id or a payment that was applied is not found; only ops may resolve; the note is required', async () => {
    await expectError(resolveBy(ops, randomUUID()), 'not_found');

    const actor = brandActor();
    const code = await t.costCode(actor);
    const deposit = await t.deposit(actor, code.id, 900);
    const applied = await t.call(ReceivePaymentRpc, {
      creditInvoiceId: deposit.creditInvoiceId,
      amount: 900,
      currency: 'USD',
      providerReference: `pay_${randomUUID()}`,
    });
    await expectError(resolveBy(ops, applied.notice.id), 'not_found');

    const { noticeId } = await lateFunds();
    await expectError(resolveBy(brandActor(), noticeId), 'forbidden');
    for (const note of ['', '   ', 'x'.repeat(501)]) {
      const err = await expectError(resolveBy(ops, noticeId, { note }), 'validation_failed');
      expect(err.extra.errors?.map((e) => e.field)).toEqual(['note']);
    }
    await expectError(
      resolveBy(ops, noticeId, { resolution: 'forgotten' as never }),
      'validation_failed',
    );
    expect((await list()).map((n) => n.id)).toContain(noticeId);
    // 500 characters is the limit, not past it.
    const long = await resolveBy(ops, noticeId, { note: 'y'.repeat(500) });
    expect(long.resolutionNote).toHaveLength(500);
  });
});
