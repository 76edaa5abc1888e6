import { randomUUID } from 'node:crypto';
import { CreateCostCodeRpc } from '@glimmer/contracts/credit/cost-code.messages';
import {
  ClearDepositRpc,
  ConfirmFundsRpc,
  CreateDepositRpc,
  GetDepositRpc,
  ListPendingDepositsRpc,
  VoidCreditInvoiceRpc,
} from '@glimmer/contracts/credit/deposit.messages';
import { brandActor, CreditTestApp, expectError } from '../testing/credit-test-app';

describe('credit: deposits (over the broker)', () => {
  let t: CreditTestApp;
  beforeAll(async () => {
    t = await CreditTestApp.start('deposits');
  });
  afterAll(async () => {
    await t?.stop();
  });
  afterEach(async () => {
    expect((await t.verify()).mismatches).toEqual([]);
  });

  it('adds pending credit to an existing cost code, with its funding counterpart', async () => {
    const actor = brandActor({ currency: 'GBP' });
    const code = await t.costCode(actor);
    const deposit = await t.call(CreateDepositRpc, { actor, idempotencyKey: 'k1', amount: 12_345, costCodeId: code.id });
    expect(deposit).toMatchObject({
      status: 'pending', amount: 12_345, currency: 'GBP', costCodeId: code.id,
      fundsConfirmedAt: null, clearedAt: null, voidedAt: null,
    });
    expect(deposit.creditInvoiceId).not.toBe(deposit.id);
    expect(await t.balances(code.id)).toEqual({ available: 0, pending: 12_345 });
    const [funding] = await t.sql<{ balance: string }>(
      `select balance from ledger_account where brand_id = $1 and kind = 'funding'`,
      [actor.brandId],
    );
    expect(Number(funding.balance)).toBe(-12_345);
    expect(await t.call(GetDepositRpc, { actor, depositId: deposit.id })).toEqual(deposit);
  });

  it('creates the cost code on the fly in the same transaction', async () => {
    const actor = brandActor();
    const deposit = await t.call(CreateDepositRpc, {
      actor, idempotencyKey: 'fly', amount: 500, costCode: { code: 'NEW-1', name: 'New one' },
    });
    expect(await t.balances(deposit.costCodeId)).toEqual({ available: 0, pending: 500 });
    // a replay does not try to create the code again
    const again = await t.call(CreateDepositRpc, {
      actor, idempotencyKey: 'fly', amount: 500, costCode: { code: 'NEW-1', name: 'New one' },
    });
    expect(again).toEqual(deposit);
  });

  it('refuses a duplicate code on the fly and leaves nothing behind', async () => {
    const actor = brandActor();
    await t.costCode(actor, 'TAKEN');
    const before = await t.counts();
    await expectError(
      t.call(CreateDepositRpc, { actor, idempotencyKey: 'dup', amount: 500, costCode: { code: 'taken', name: 'x' } }),
      'duplicate_cost_code',
    );
    expect(await t.counts()).toEqual(before);
  });

  it('needs exactly one destination, naming the fields', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const before = await t.counts();
    const both = await expectError(
      t.call(CreateDepositRpc, {
        actor, idempotencyKey: 'both', amount: 1, costCodeId: code.id, costCode: { code: 'B1', name: 'b' },
      }),
      'validation_failed',
    );
    expect(both.extra.errors?.map((e) => e.field).sort()).toEqual(['costCode', 'costCodeId']);
    const neither = await expectError(
      t.call(CreateDepositRpc, { actor, idempotencyKey: 'neither', amount: 1 }),
      'validation_failed',
    );
    expect(neither.extra.errors?.map((e) => e.field).sort()).toEqual(['costCode', 'costCodeId']);
    for (const amount of [0, -5, 1.5, 1e12]) {
      const err = await expectError(
        t.call(CreateDepositRpc, { actor, idempotencyKey: `a${amount}`, amount, costCodeId: code.id }),
        'validation_failed',
      );
      expect(err.extra.errors?.map((e) => e.field)).toEqual(['amount']);
    }
    await expectError(
      t.callRaw(CreateDepositRpc, { actor, idempotencyKey: 'str', amount: '100', costCodeId: code.id }),
      'validation_failed',
    );
    await expectError(
      t.call(CreateDepositRpc, { actor, idempotencyKey: 'bad code', amount: 1, costCode: { code: '', name: 'x' } }),
      'validation_failed',
    );
    expect(await t.counts()).toEqual(before);
  });

  it("answers not_found for another brand's cost code, deposit and credit invoice", async () => {
    const owner = brandActor();
    const code = await t.costCode(owner);
    const deposit = await t.deposit(owner, code.id, 100);
    const intruder = brandActor();
    const before = await t.counts();
    await expectError(t.deposit(intruder, code.id, 100), 'not_found');
    await expectError(t.call(GetDepositRpc, { actor: intruder, depositId: deposit.id }), 'not_found');
    await expectError(
      t.call(VoidCreditInvoiceRpc, { actor: intruder, creditInvoiceId: deposit.creditInvoiceId }),
      'not_found',
    );
    await expectError(t.call(ConfirmFundsRpc, { creditInvoiceId: randomUUID(), source: 'webhook' }), 'not_found');
    await expectError(t.call(ClearDepositRpc, { depositId: randomUUID() }), 'not_found');
    await expectError(t.call(GetDepositRpc, { actor: owner, depositId: randomUUID() }), 'not_found');
    expect(await t.counts()).toEqual(before);
  });

  it('replays the same request for a key and refuses a different one (422)', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const other = await t.costCode(actor);
    const first = await t.deposit(actor, code.id, 700, 'same-key');
    expect(await t.deposit(actor, code.id, 700, 'same-key')).toEqual(first);
    const before = await t.counts();
    await expectError(t.deposit(actor, code.id, 701, 'same-key'), 'idempotency_key_reused');
    await expectError(t.deposit(actor, other.id, 700, 'same-key'), 'idempotency_key_reused');
    expect(await t.counts()).toEqual(before);
    // keys are per brand
    const stranger = brandActor();
    const theirs = await t.costCode(stranger);
    await expect(t.deposit(stranger, theirs.id, 700, 'same-key')).resolves.toMatchObject({ status: 'pending' });
  });

  it('20 concurrent creates with one key make one deposit and identical answers', async () => {
    const actor = brandActor();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.call(CreateDepositRpc, { actor, idempotencyKey: 'race', amount: 900, costCode: { code: 'RACE', name: 'r' } }),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    const rows = await t.sql(`select id from deposit where brand_id = $1`, [actor.brandId]);
    expect(rows).toHaveLength(1);
    expect(await t.balances(results[0].costCodeId)).toEqual({ available: 0, pending: 900 });
    expect(await t.depositEvents(results[0].id)).toHaveLength(1);
  });

  it('confirms funds once, clears pending into available, and answers repeats unchanged', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const deposit = await t.deposit(actor, code.id, 2_000);
    await expectError(t.call(ClearDepositRpc, { depositId: deposit.id }), 'funds_not_confirmed');
    expect(await t.balances(code.id)).toEqual({ available: 0, pending: 2_000 });

    const confirmed = await t.call(ConfirmFundsRpc, { creditInvoiceId: deposit.creditInvoiceId, source: 'webhook' });
    expect(confirmed.status).toBe('pending');
    expect(confirmed.fundsConfirmedAt).not.toBeNull();
    expect(await t.call(ConfirmFundsRpc, { creditInvoiceId: deposit.creditInvoiceId, source: 'ops' })).toEqual(confirmed);

    const cleared = await t.call(ClearDepositRpc, { depositId: deposit.id });
    expect(cleared).toMatchObject({ status: 'cleared', fundsConfirmedAt: confirmed.fundsConfirmedAt });
    expect(await t.balances(code.id)).toEqual({ available: 2_000, pending: 0 });
    const before = await t.counts();
    expect(await t.call(ClearDepositRpc, { depositId: deposit.id })).toEqual(cleared);
    expect(await t.call(ConfirmFundsRpc, { creditInvoiceId: deposit.creditInvoiceId, source: 'ops' })).toEqual(cleared);
    expect(await t.counts()).toEqual(before);

    const events = await t.depositEvents(deposit.id);
    expect(events.map((e) => [e.pattern, e.payload.version, e.payload.status])).toEqual([
      ['credit.deposit.pending.v1', 1, 'pending'],
      ['credit.deposit.funds-confirmed.v1', 2, 'pending'],
      ['credit.deposit.cleared.v1', 3, 'cleared'],
    ]);
    expect(events[2].payload).toEqual({
      depositId: deposit.id, brandId: actor.brandId, creditInvoiceId: deposit.creditInvoiceId,
      costCode: { id: code.id, code: code.code, name: code.name }, amount: 2_000, currency: 'USD',
      status: 'cleared', version: 3, createdAt: deposit.createdAt,
      fundsConfirmedAt: confirmed.fundsConfirmedAt, clearedAt: cleared.clearedAt, voidedAt: null,
    });
  });

  it('voids an unpaid credit invoice: pending credit leaves, repeats answer the same', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const keep = await t.deposit(actor, code.id, 300);
    const deposit = await t.deposit(actor, code.id, 1_000);
    const result = await t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: deposit.creditInvoiceId });
    expect(result).toEqual({
      id: deposit.creditInvoiceId, status: 'void', depositId: deposit.id, pendingCreditRemoved: 1_000, currency: 'USD',
    });
    expect(await t.balances(code.id)).toEqual({ available: 0, pending: 300 });
    const before = await t.counts();
    expect(await t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: deposit.creditInvoiceId })).toEqual(result);
    await expectError(t.call(ConfirmFundsRpc, { creditInvoiceId: deposit.creditInvoiceId, source: 'webhook' }), 'deposit_voided');
    await expectError(t.call(ClearDepositRpc, { depositId: deposit.id }), 'deposit_voided');
    expect(await t.counts()).toEqual(before);
    expect(await t.call(GetDepositRpc, { actor, depositId: deposit.id })).toMatchObject({ status: 'voided' });
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

  it('lists pending deposits in id order, page by page', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const mine = await Promise.all([1, 2, 3, 4, 5].map((n) => t.deposit(actor, code.id, n * 10)));
    await t.fund(actor, code.id, 10); // cleared: not listed
    const seen: string[] = [];
    let afterId: string | undefined;
    for (;;) {
      const page = await t.call(ListPendingDepositsRpc, { limit: 4, ...(afterId ? { afterId } : {}) });
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
        if (payload.depositId === deposit.id) received.push({ type: m.properties.type, version: payload.version });
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

  it('keeps deposits of different brands apart in currency', async () => {
    const eur = brandActor({ currency: 'EUR' });
    const code = await t.call(CreateCostCodeRpc, { actor: eur, code: 'EU', name: 'eu' });
    await t.deposit(eur, code.id, 99);
    const [funding] = await t.sql<{ currency: string }>(
      `select currency from ledger_account where brand_id = $1 and kind = 'funding'`,
      [eur.brandId],
    );
    expect(funding.currency).toBe('EUR');
  });
});
