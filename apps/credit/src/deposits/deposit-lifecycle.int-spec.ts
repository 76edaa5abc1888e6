import { randomUUID } from 'node:crypto';
import {
  ClearDepositRpc,
  ConfirmFundsRpc,
  GetDepositRpc,
  ListPendingDepositsRpc,
  VoidCreditInvoiceRpc,
} from '@glimmer/contracts/credit/deposit.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

describe('credit: deposit lifecycle (over the broker)', () => {
  let t: CreditTestApp;
  beforeAll(async () => {
    t = await CreditTestApp.start('depositlife');
  });
  afterAll(async () => {
    await t?.stop();
  });
  afterEach(async () => {
    expect((await t.verify()).mismatches).toEqual([]);
  });

  it('confirms funds once, clears pending into available, and answers repeats unchanged', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const deposit = await t.deposit(actor, code.id, 2_000);
    await expectError(t.call(ClearDepositRpc, { depositId: deposit.id }), 'funds_not_confirmed');
    expect(await t.balances(code.id)).toEqual({ available: 0, pending: 2_000 });

    const confirmed = await t.call(ConfirmFundsRpc, {
      creditInvoiceId: deposit.creditInvoiceId,
      source: 'webhook',
    });
    expect(confirmed.status).toBe('pending');
    expect(confirmed.fundsConfirmedAt).not.toBeNull();
    expect(
      await t.call(ConfirmFundsRpc, { creditInvoiceId: deposit.creditInvoiceId, source: 'ops' }),
    ).toEqual(confirmed);

    const cleared = await t.call(ClearDepositRpc, { depositId: deposit.id });
    expect(cleared).toMatchObject({
      status: 'cleared',
      fundsConfirmedAt: confirmed.fundsConfirmedAt,
    });
    expect(await t.balances(code.id)).toEqual({ available: 2_000, pending: 0 });
    const before = await t.counts();
    expect(await t.call(ClearDepositRpc, { depositId: deposit.id })).toEqual(cleared);
    expect(
      await t.call(ConfirmFundsRpc, { creditInvoiceId: deposit.creditInvoiceId, source: 'ops' }),
    ).toEqual(cleared);
    expect(await t.counts()).toEqual(before);

    const events = await t.depositEvents(deposit.id);
    expect(events.map((e) => [e.pattern, e.payload.version, e.payload.status])).toEqual([
      ['credit.deposit.pending.v1', 1, 'pending'],
      ['credit.deposit.funds-confirmed.v1', 2, 'pending'],
      ['credit.deposit.cleared.v1', 3, 'cleared'],
    ]);
    expect(events[2].payload).toEqual({
      depositId: deposit.id,
      brandId: actor.brandId,
      creditInvoiceId: deposit.creditInvoiceId,
      costCode: { id: code.id, code: code.code, name: code.name },
      amount: 2_000,
      currency: 'USD',
      status: 'cleared',
      version: 3,
      createdAt: deposit.createdAt,
      fundsConfirmedAt: confirmed.fundsConfirmedAt,
      clearedAt: cleared.clearedAt,
      voidedAt: null,
    });
  });

  it('voids an unpaid credit invoice: pending credit leaves, repeats answer the same', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const keep = await t.deposit(actor, code.id, 300);
    const deposit = await t.deposit(actor, code.id, 1_000);
    const result = await t.call(VoidCreditInvoiceRpc, {
      actor,
      creditInvoiceId: deposit.creditInvoiceId,
    });
    expect(result).toEqual({
      id: deposit.creditInvoiceId,
      status: 'void',
      depositId: deposit.id,
      pendingCreditRemoved: 1_000,
      currency: 'USD',
    });
    expect(await t.balances(code.id)).toEqual({ available: 0, pending: 300 });
    const before = await t.counts();
    expect(
      await t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: deposit.creditInvoiceId }),
    ).toEqual(result);
    await expectError(
      t.call(ConfirmFundsRpc, { creditInvoiceId: deposit.creditInvoiceId, source: 'webhook' }),
      'deposit_voided',
    );
    await expectError(t.call(ClearDepositRpc, { depositId: deposit.id }), 'deposit_voided');
    expect(await t.counts()).toEqual(before);
    expect(await t.call(GetDepositRpc, { actor, depositId: deposit.id })).toMatchObject({
      status: 'voided',
    });
    expect((await t.call(GetDepositRpc, { actor, depositId: keep.id })).status).toBe('pending');
    const events = await t.depositEvents(deposit.id);
    expect(events.map((e) => [e.pattern, e.payload.version, e.payload.status])).toEqual([
      ['credit.deposit.pending.v1', 1, 'pending'],
      ['credit.deposit.voided.v1', 2, 'voided'],
    ]);
    expect(events[1].payload.voidedAt).not.toBeNull();
  });

  it('refuses to void a paid or cleared credit invoice and changes nothing', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const paid = await t.deposit(actor, code.id, 400);
    await t.call(ConfirmFundsRpc, { creditInvoiceId: paid.creditInvoiceId, source: 'ops' });
    const cleared = await t.fund(actor, code.id, 600);
    const before = await t.counts();
    const e1 = await expectError(
      t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: paid.creditInvoiceId }),
      'credit_invoice_already_paid',
    );
    expect(e1.status).toBe(409);
    await expectError(
      t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: cleared.creditInvoiceId }),
      'deposit_already_cleared',
    );
    expect(await t.counts()).toEqual(before);
    expect(await t.balances(code.id)).toEqual({ available: 600, pending: 400 });
  });

  it('serialises racing confirms, clears and voids on one deposit', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const a = await t.deposit(actor, code.id, 100);
    const confirms = Array.from({ length: 10 }, () =>
      t.call(ConfirmFundsRpc, { creditInvoiceId: a.creditInvoiceId, source: 'webhook' }),
    );
    const confirmed = await Promise.all(confirms);
    expect(new Set(confirmed.map((d) => d.fundsConfirmedAt)).size).toBe(1);
    const clears = await Promise.all(
      Array.from({ length: 10 }, () => t.call(ClearDepositRpc, { depositId: a.id })),
    );
    expect(new Set(clears.map((d) => JSON.stringify(d))).size).toBe(1);
    expect(await t.balances(code.id)).toEqual({ available: 100, pending: 0 });
    expect((await t.depositEvents(a.id)).map((e) => e.payload.version)).toEqual([1, 2, 3]);

    // confirm against void: exactly one of them wins, the other gets its 409
    const b = await t.deposit(actor, code.id, 50);
    const [confirm, voided] = await Promise.allSettled([
      t.call(ConfirmFundsRpc, { creditInvoiceId: b.creditInvoiceId, source: 'webhook' }),
      t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: b.creditInvoiceId }),
    ]);
    const outcome = [confirm.status, voided.status].sort();
    expect(outcome).toEqual(['fulfilled', 'rejected']);
    const loser = (confirm.status === 'rejected' ? confirm : voided) as PromiseRejectedResult;
    expect(['deposit_voided', 'credit_invoice_already_paid']).toContain(loser.reason.code);
    expect((await t.depositEvents(b.id)).map((e) => e.payload.version)).toEqual([1, 2]);
  });

  it('lists pending deposits in id order, page by page', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const mine = await Promise.all([1, 2, 3, 4, 5].map((n) => t.deposit(actor, code.id, n * 10)));
    await t.fund(actor, code.id, 10); // cleared: not listed
    const seen: string[] = [];
    let afterId: string | undefined;
    for (;;) {
      const page = await t.call(ListPendingDepositsRpc, {
        limit: 4,
        ...(afterId ? { afterId } : {}),
      });
      seen.push(...page.data.map((d) => d.id));
      if (!page.nextAfterId) break;
      afterId = page.nextAfterId;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(mine.map((d) => d.id)));
    const pendingCount = await t.sql(`select id from deposit where status = 'pending'`);
    expect(seen).toHaveLength(pendingCount.length);
    await expectError(t.call(ListPendingDepositsRpc, { limit: 0 }), 'validation_failed');
  });

  it('publishes the outbox events to the events exchange', async () => {
    const queue = `${t.env.prefix}.credit-test.deposits`;
    const channel = await t.broker.connection.createChannel('deposit-events-probe', async (ch) => {
      await ch.assertQueue(queue, { durable: false });
      await ch.bindQueue(queue, `${t.env.prefix}.events`, 'credit.deposit.#');
    });
    await channel.waitForConnect();
    const actor = brandActor();
    const code = await t.costCode(actor);
    const deposit = await t.deposit(actor, code.id, 42);
    await t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: deposit.creditInvoiceId });
    const received: { type: string; version: number }[] = [];
    const { eventually } = await import('@glimmer/testing/eventually');
    await eventually(async () => {
      for (const m of await t.broker.drain(queue)) {
        const payload = JSON.parse(m.content.toString());
        if (payload.depositId === deposit.id)
          received.push({ type: m.properties.type, version: payload.version });
      }
      expect(received).toHaveLength(2);
    });
    expect(received).toEqual([
      { type: 'credit.deposit.pending.v1', version: 1 },
      { type: 'credit.deposit.voided.v1', version: 2 },
    ]);
    await channel.deleteQueue(queue);
    await channel.close();
  });

  it("answers not_found for another brand's cost code, deposit and credit invoice", async () => {
    const owner = brandActor();
    const code = await t.costCode(owner);
    const deposit = await t.deposit(owner, code.id, 100);
    const intruder = brandActor();
    const before = await t.counts();
    await expectError(t.deposit(intruder, code.id, 100), 'not_found');
    await expectError(
      t.call(GetDepositRpc, { actor: intruder, depositId: deposit.id }),
      'not_found',
    );
    await expectError(
      t.call(VoidCreditInvoiceRpc, { actor: intruder, creditInvoiceId: deposit.creditInvoiceId }),
      'not_found',
    );
    await expectError(
      t.call(ConfirmFundsRpc, { creditInvoiceId: randomUUID(), source: 'webhook' }),
      'not_found',
    );
    await expectError(t.call(ClearDepositRpc, { depositId: randomUUID() }), 'not_found');
    await expectError(
      t.call(GetDepositRpc, { actor: owner, depositId: randomUUID() }),
      'not_found',
    );
    expect(await t.counts()).toEqual(before);
  });
});
