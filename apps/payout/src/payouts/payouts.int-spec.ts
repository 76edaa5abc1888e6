import { randomUUID } from 'node:crypto';
import { ProjectInvoicePaidEvent } from '@glimmer/contracts/invoicing/project-invoice.events';
import { CreatorJoinedEvent } from '@glimmer/contracts/network/network.events';
import {
  DispatchPayoutRpc,
  DuePayoutsRpc,
  GetCreatorDashboardRpc,
  GetPayoutRpc,
  ListMyPayoutsRpc,
  PayoutsForProjectsRpc,
  RetryPayoutRpc,
} from '@glimmer/contracts/payout/payout.messages';
import { eventually } from '@glimmer/testing/eventually';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { PayoutTestApp } from '../testing/payout-test-app';

const ops = { userId: randomUUID(), role: 'ops' as const };

describe('payout: payouts (over the broker)', () => {
  let t: PayoutTestApp;
  beforeAll(async () => {
    // No hold, so payouts are due at once; the sandbox answers after a short latency.
    t = await PayoutTestApp.start('payouts', {
      PAYOUT_DISPATCH_DELAY_MS: '0',
      PAYOUT_SANDBOX_LATENCY_MS: '100',
      MESSAGE_MAX_RETRIES: '30',
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('makes one payout of an invoice-paid event delivered twice (same and new message id)', async () => {
    const creator = await t.joinedCreator();
    await t.addPayoneer(creator);
    const event = t.invoicePaid(creator.creatorId);
    const messageId = randomUUID();
    const ids = [
      await t.broker.publish(ProjectInvoicePaidEvent, event, messageId),
      await t.broker.publish(ProjectInvoicePaidEvent, event, messageId),
      await t.broker.publish(ProjectInvoicePaidEvent, event),
    ];
    await eventually(async () => {
      const rows = await t.sql(
        `select 1 from processed_message where consumer = 'payout.payout.invoice-paid'
         and message_id = any($1)`,
        [ids],
      );
      expect(rows).toHaveLength(2);
    });
    const payouts = await t.payoutOfInvoice(event.invoiceId);
    expect(payouts).toHaveLength(1);
    expect(payouts[0].status).toBe('scheduled');
    expect(await t.eventsOf(payouts[0].id)).toHaveLength(1);
  });

  it('waits in needs_method (creator told), then adding a method schedules it', async () => {
    const creator = await t.joinedCreator();
    const event = t.invoicePaid(creator.creatorId, {
      paidAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const waiting = await t.payoutFor(event);
    expect(waiting).toMatchObject({
      status: 'needs_method',
      dispatch_at: null,
      expected_date: null,
    });
    expect(await t.eventsOf(waiting.id)).toEqual([
      {
        pattern: 'payout.payout.needs-method.v1',
        payload: expect.objectContaining({ creatorEmail: creator.email, amount: 120_000 }),
      },
    ]);
    const before = Date.now();
    const method = await t.addPayoneer(creator);
    const scheduled = await t.payout(waiting.id);
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.dispatch_at!.getTime()).toBeGreaterThanOrEqual(before);
    expect(scheduled.expected_date).toBe(scheduled.dispatch_at!.toISOString().slice(0, 10));
    const events = await t.eventsOf(waiting.id, 'payout.payout.scheduled.v1');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ attempt: 1, expectedDate: scheduled.expected_date });
    const view = await t.call(GetPayoutRpc, { actor: ops, payoutId: waiting.id });
    expect(view).toMatchObject({ status: 'scheduled', payoutMethodId: method.id, attempts: 0 });
  });

  it('never leaves a payout waiting beside a method: invoices paid while the first method is added', async () => {
    const creators = await Promise.all(Array.from({ length: 20 }, () => t.joinedCreator()));
    const events = creators.flatMap((c) => [1, 2, 3, 4, 5].map(() => t.invoicePaid(c.creatorId)));
    // The events (batched by the inbox, under each creator's method lock) race the adds, which
    // start while the first batches are running.
    const published = Promise.all(events.map((e) => t.broker.publish(ProjectInvoicePaidEvent, e)));
    await new Promise((r) => setTimeout(r, 15));
    await Promise.all([published, ...creators.map((c) => t.addPayoneer(c))]);
    await eventually(async () => {
      const rows = await t.sql<{ status: string }>(
        `select status from payout where invoice_id = any($1)`,
        [events.map((e) => e.invoiceId)],
      );
      expect(rows).toHaveLength(events.length);
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['scheduled']));
    });
  });

  it('retries an invoice for a creator it does not know yet until the creator joins', async () => {
    const creatorId = randomUUID();
    const event = t.invoicePaid(creatorId);
    await t.broker.publish(ProjectInvoicePaidEvent, event);
    await new Promise((r) => setTimeout(r, 500));
    expect(await t.payoutOfInvoice(event.invoiceId)).toHaveLength(0);
    await t.broker.publish(CreatorJoinedEvent, {
      brandId: event.brandId,
      brandName: 'Acme',
      creatorId,
      creatorName: 'Late Joiner',
      creatorEmail: 'late@creator.test',
      inviteId: randomUUID(),
      joinedAt: new Date().toISOString(),
    });
    const payout = await eventually(
      async () => {
        const [row] = await t.payoutOfInvoice(event.invoiceId);
        expect(row).toBeDefined();
        return row;
      },
      { timeoutMs: 20_000 },
    );
    expect(payout.status).toBe('needs_method');
  });

  it('sends an attempt once when dispatched twice in a row: one transfer, one paid event', async () => {
    const creator = await t.joinedCreator();
    await t.addPayoneer(creator);
    const payout = await t.payoutFor(t.invoicePaid(creator.creatorId));
    const due = await t.call(DuePayoutsRpc, { limit: 1000, graceMs: 0 });
    expect(due.data).toContainEqual({
      payoutId: payout.id,
      attempt: 1,
      dispatchAt: payout.dispatch_at!.toISOString(),
    });

    const first = await t.call(DispatchPayoutRpc, { payoutId: payout.id, attempt: 1 });
    expect(first).toEqual({ payoutId: payout.id, status: 'paid', attempt: 1 });
    const second = await t.call(DispatchPayoutRpc, { payoutId: payout.id, attempt: 1 });
    expect(second).toMatchObject({ status: 'paid', skipped: 'already_paid' });
    const next = await t.call(DispatchPayoutRpc, { payoutId: payout.id, attempt: 2 });
    expect(next.skipped).toBeDefined();

    const transfers = await t.transfers(payout.id);
    expect(transfers).toEqual([
      { idempotency_key: `${payout.id}:1`, outcome: 'paid', reference: expect.any(String) },
    ]);
    const paid = await t.payout(payout.id);
    expect(paid).toMatchObject({
      status: 'paid',
      attempts: 1,
      provider_reference: transfers[0].reference,
    });
    const events = await t.eventsOf(payout.id, 'payout.payout.paid.v1');
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      providerReference: transfers[0].reference,
      paidAt: paid.paid_at!.toISOString(),
    });
    const dueAfter = await t.call(DuePayoutsRpc, { limit: 1000, graceMs: 0 });
    expect(dueAfter.data.map((d) => d.payoutId)).not.toContain(payout.id);
  });

  it('sends an attempt once when dispatched concurrently', async () => {
    const creator = await t.joinedCreator();
    await t.addPayoneer(creator);
    const payout = await t.payoutFor(t.invoicePaid(creator.creatorId));
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.call(DispatchPayoutRpc, { payoutId: payout.id, attempt: 1 }),
      ),
    );
    expect(results.filter((r) => !r.skipped)).toEqual([
      { payoutId: payout.id, status: 'paid', attempt: 1 },
    ]);
    expect(results.filter((r) => r.skipped).map((r) => r.skipped)).toEqual(
      Array(3).fill(expect.stringMatching(/^(in_progress|already_paid)$/)),
    );
    expect(await t.transfers(payout.id)).toHaveLength(1);
    expect(await t.eventsOf(payout.id, 'payout.payout.paid.v1')).toHaveLength(1);
  });

  it('re-drives an attempt whose worker died mid-call with the same provider key', async () => {
    const creator = await t.joinedCreator();
    const method = await t.addPayoneer(creator);
    const payout = await t.payoutFor(t.invoicePaid(creator.creatorId));
    // The crash: attempt 1 was taken and reached the provider, which paid; the reply was lost.
    await t.sql(
      `update payout set status = 'processing', attempts = 1, payout_method_id = $2,
         updated_at = now() - interval '10 minutes' where id = $1`,
      [payout.id, method.id],
    );
    await t.sql(
      `insert into sandbox_provider_transfer (idempotency_key, payout_id, amount, currency, outcome, reference)
       values ($1, $2, 120000, 'USD', 'paid', 'sbx_before_crash')`,
      [`${payout.id}:1`, payout.id],
    );
    const due = await t.call(DuePayoutsRpc, { limit: 1000, graceMs: 0 });
    expect(due.data).toContainEqual(expect.objectContaining({ payoutId: payout.id, attempt: 1 }));
    // The scheduler's job for attempt 2 never exists: the attempt in flight is the one to finish.
    expect(await t.call(DispatchPayoutRpc, { payoutId: payout.id, attempt: 2 })).toMatchObject({
      status: 'processing',
      skipped: expect.any(String),
    });
    const result = await t.call(DispatchPayoutRpc, { payoutId: payout.id, attempt: 1 });
    expect(result).toEqual({ payoutId: payout.id, status: 'paid', attempt: 1 });
    expect(await t.transfers(payout.id)).toEqual([
      { idempotency_key: `${payout.id}:1`, outcome: 'paid', reference: 'sbx_before_crash' },
    ]);
    expect(await t.payout(payout.id)).toMatchObject({
      status: 'paid',
      provider_reference: 'sbx_before_crash',
    });
    expect(await t.eventsOf(payout.id, 'payout.payout.paid.v1')).toHaveLength(1);
  });

  it('leaves an attempt alone while its worker is still within the stuck threshold', async () => {
    const creator = await t.joinedCreator();
    await t.addPayoneer(creator);
    const payout = await t.payoutFor(t.invoicePaid(creator.creatorId));
    await t.sql(`update payout set status = 'processing', attempts = 1 where id = $1`, [payout.id]);
    expect(await t.call(DispatchPayoutRpc, { payoutId: payout.id, attempt: 1 })).toMatchObject({
      status: 'processing',
      skipped: 'in_progress',
    });
    const due = await t.call(DuePayoutsRpc, { limit: 1000, graceMs: 0 });
    expect(due.data.map((d) => d.payoutId)).not.toContain(payout.id);
    expect(await t.transfers(payout.id)).toHaveLength(0);
  });

  it("lists a creator's payouts newest first, by page and status; dashboard and projects", async () => {
    const creator = await t.joinedCreator();
    const payouts = [];
    for (let i = 0; i < 3; i += 1)
      payouts.push(
        await t.payoutFor(t.invoicePaid(creator.creatorId, { amount: 1_000 * (i + 1) })),
      );
    await t.addPayoneer(creator); // schedules all three
    await t.call(DispatchPayoutRpc, { payoutId: payouts[0].id, attempt: 1 });
    const newestFirst = [...payouts].reverse().map((p) => p.id);

    const page1 = await t.call(ListMyPayoutsRpc, { actor: creator, limit: 2 });
    expect(page1.data.map((p) => p.id)).toEqual(newestFirst.slice(0, 2));
    const page2 = await t.call(ListMyPayoutsRpc, {
      actor: creator,
      limit: 2,
      cursor: page1.nextCursor!,
    });
    expect(page2).toEqual({
      data: [expect.objectContaining({ id: newestFirst[2], status: 'paid' })],
      nextCursor: null,
    });
    const paidOnly = await t.call(ListMyPayoutsRpc, { actor: creator, status: 'paid' });
    expect(paidOnly.data.map((p) => p.id)).toEqual([payouts[0].id]);
    await expectError(
      t.call(ListMyPayoutsRpc, { actor: creator, cursor: 'forged' }),
      'validation_failed',
    );

    const dashboard = await t.call(GetCreatorDashboardRpc, { actor: creator });
    const scheduled = await t.payout(payouts[1].id);
    expect(dashboard).toMatchObject({
      nextPayment: { date: scheduled.expected_date, amount: 5_000, currency: 'USD' },
      pendingTotal: 5_000,
      paidTotal: 1_000,
      currency: 'USD',
    });
    expect(dashboard.payouts.map((p) => [p.payoutId, p.status])).toEqual([
      [payouts[2].id, 'scheduled'],
      [payouts[1].id, 'scheduled'],
      [payouts[0].id, 'paid'],
    ]);

    const projectIds = [payouts[0].id, payouts[1].id].map(
      (id) => dashboard.payouts.find((p) => p.payoutId === id)!.projectId,
    );
    const mine = await t.call(PayoutsForProjectsRpc, { actor: creator, projectIds });
    expect(mine.data.map((p) => p.id).sort()).toEqual([payouts[0].id, payouts[1].id].sort());
    const brandId = (
      await t.sql<{ brand_id: string }>('select brand_id from payout where id = $1', [
        payouts[0].id,
      ])
    )[0].brand_id;
    const brand = await t.call(PayoutsForProjectsRpc, {
      actor: brandActor({ brandId }),
      projectIds,
    });
    expect(brand.data.map((p) => p.id)).toEqual([payouts[0].id]);
    const stranger = await t.call(PayoutsForProjectsRpc, { actor: brandActor(), projectIds });
    expect(stranger.data).toEqual([]);
    const otherCreator = await t.joinedCreator();
    expect((await t.call(PayoutsForProjectsRpc, { actor: otherCreator, projectIds })).data).toEqual(
      [],
    );
    expect((await t.call(ListMyPayoutsRpc, { actor: otherCreator })).data).toEqual([]);
    expect(await t.call(GetCreatorDashboardRpc, { actor: otherCreator })).toEqual({
      nextPayment: null,
      pendingTotal: 0,
      paidTotal: 0,
      currency: null,
      payouts: [],
    });
  });

  it('keeps ops RPCs for ops and creator RPCs for creators', async () => {
    const creator = await t.joinedCreator();
    const payout = await t.payoutFor(t.invoicePaid(creator.creatorId));
    await expectError(t.call(GetPayoutRpc, { actor: creator, payoutId: payout.id }), 'forbidden');
    await expectError(
      t.call(RetryPayoutRpc, { actor: brandActor(), payoutId: payout.id }),
      'forbidden',
    );
    await expectError(t.call(ListMyPayoutsRpc, { actor: brandActor() }), 'forbidden');
    await expectError(t.call(GetCreatorDashboardRpc, { actor: ops }), 'forbidden');
    await expectError(t.call(GetPayoutRpc, { actor: ops, payoutId: randomUUID() }), 'not_found');
    await expectError(
      t.call(RetryPayoutRpc, { actor: ops, payoutId: payout.id }),
      'payout_not_retryable',
    );
  });
});
