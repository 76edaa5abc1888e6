import { randomUUID } from 'node:crypto';
import { GetCostCodeRpc } from '@glimmer/contracts/credit/cost-code.messages';
import {
  DrawForInvoiceRequest,
  DrawForInvoiceRpc,
} from '@glimmer/contracts/credit/invoice-draw.messages';
import { GetCreditOverviewRpc } from '@glimmer/contracts/credit/overview.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

describe('credit: drawing credit for project invoices (over the broker)', () => {
  let t: CreditTestApp;
  beforeAll(async () => {
    t = await CreditTestApp.start('draws');
  });
  afterAll(async () => {
    await t?.stop();
  });
  afterEach(async () => {
    expect((await t.verify()).mismatches).toEqual([]);
  });

  const drawOf = (
    actor: ReturnType<typeof brandActor>,
    costCodeId: string,
    amount: number,
    over: Partial<DrawForInvoiceRequest> = {},
  ): DrawForInvoiceRequest => ({
    paymentId: randomUUID(),
    brandId: actor.brandId,
    currency: actor.currency,
    invoiceId: randomUUID(),
    costCodeId,
    amount,
    ...over,
  });

  const settlement = async (brandId: string) => {
    const rows = await t.sql<{ balance: string }>(
      `select balance from ledger_account where brand_id = $1 and kind = 'settlement'`,
      [brandId],
    );
    return rows.map((r) => Number(r.balance));
  };

  it('moves available credit to the settlement account, and the views show what is left', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    await t.fund(actor, code.id, 1_000);
    await t.deposit(actor, code.id, 500); // pending stays untouched
    const req = drawOf(actor, code.id, 300);
    const draw = await t.call(DrawForInvoiceRpc, req);
    expect(draw).toEqual({
      paymentId: req.paymentId,
      invoiceId: req.invoiceId,
      costCodeId: code.id,
      amount: 300,
      currency: 'USD',
      transactionId: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(await t.balances(code.id)).toEqual({ available: 700, pending: 500 });
    expect(await settlement(actor.brandId)).toEqual([300]);
    const [tx] = await t.sql<{ kind: string; reference_id: string }>(
      `select kind, reference_id from journal_transaction where id = $1`,
      [draw.transactionId],
    );
    expect(tx).toEqual({ kind: 'invoice_payment', reference_id: req.paymentId });
    expect(await t.call(GetCostCodeRpc, { actor, costCodeId: code.id })).toMatchObject({
      available: 700,
      pending: 500,
    });
    expect(await t.call(GetCreditOverviewRpc, { actor })).toMatchObject({
      available: 700,
      pending: 500,
    });
  });

  it('is idempotent on the payment id; a different request under it is a conflict', async () => {
    const actor = brandActor();
    const [code, other] = [await t.costCode(actor), await t.costCode(actor)];
    await t.fund(actor, code.id, 1_000);
    await t.fund(actor, other.id, 1_000);
    const req = drawOf(actor, code.id, 250);
    const first = await t.call(DrawForInvoiceRpc, req);
    expect(await t.call(DrawForInvoiceRpc, req)).toEqual(first);
    const before = await t.counts();
    await expectError(t.call(DrawForInvoiceRpc, { ...req, amount: 251 }), 'idempotency_key_reused');
    await expectError(
      t.call(DrawForInvoiceRpc, { ...req, costCodeId: other.id }),
      'idempotency_key_reused',
    );
    expect(await t.counts()).toEqual(before);

    const racing = drawOf(actor, code.id, 10);
    const racers = await Promise.all(
      Array.from({ length: 15 }, () => t.call(DrawForInvoiceRpc, racing)),
    );
    expect(new Set(racers.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await t.balances(code.id)).toEqual({ available: 740, pending: 0 });
  });

  it('refuses more than the available credit, never drawing pending credit, and keeps refusing', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    await t.deposit(actor, code.id, 5_000); // pending only
    const req = drawOf(actor, code.id, 100);
    const err = await expectError(t.call(DrawForInvoiceRpc, req), 'insufficient_available_credit');
    expect(err.status).toBe(409);
    expect(err.extra.meta).toMatchObject({ available: 0, requested: 100, costCodeId: code.id });
    expect(await t.balances(code.id)).toEqual({ available: 0, pending: 5_000 });
    // Credit arriving later does not turn the refused payment into a draw: its answer is final.
    await t.fund(actor, code.id, 1_000);
    await expectError(t.call(DrawForInvoiceRpc, req), 'insufficient_available_credit');
    expect(await t.balances(code.id)).toEqual({ available: 1_000, pending: 5_000 });
    expect(await settlement(actor.brandId)).toEqual([]);
  });

  it("answers not_found for another brand's or an unknown cost code, and refuses another currency", async () => {
    const actor = brandActor();
    const theirs = await t.costCode(brandActor());
    await expectError(t.call(DrawForInvoiceRpc, drawOf(actor, theirs.id, 1)), 'not_found');
    await expectError(t.call(DrawForInvoiceRpc, drawOf(actor, randomUUID(), 1)), 'not_found');
    const mine = await t.costCode(actor);
    await t.fund(actor, mine.id, 100);
    await expectError(
      t.call(DrawForInvoiceRpc, drawOf(actor, mine.id, 1, { currency: 'EUR' })),
      'currency_mismatch',
    );
    await expectError(
      t.callRaw(DrawForInvoiceRpc, { ...drawOf(actor, mine.id, 1), amount: 0 }),
      'validation_failed',
    );
    expect(await t.balances(mine.id)).toEqual({ available: 100, pending: 0 });
  });

  it('30 concurrent draws on a code covering 11: exactly 11 succeed and the books balance', async () => {
    const actor = brandActor();
    const [a, b] = [await t.costCode(actor), await t.costCode(actor)];
    await t.fund(actor, a.id, 11 * 90 + 89);
    await t.fund(actor, b.id, 5_000);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        t.call(DrawForInvoiceRpc, drawOf(actor, i % 3 === 2 ? b.id : a.id, 90)),
      ),
    );
    const fromA = outcomes.filter((_, i) => i % 3 !== 2);
    const refused = fromA.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.map((r) => (r.reason as DomainError).code)).toEqual(
      Array(20 - 11).fill('insufficient_available_credit'),
    );
    expect(outcomes.filter((_, i) => i % 3 === 2).every((o) => o.status === 'fulfilled')).toBe(
      true,
    );
    expect(await t.balances(a.id)).toEqual({ available: 89, pending: 0 });
    expect(await t.balances(b.id)).toEqual({ available: 5_000 - 10 * 90, pending: 0 });
    expect(await settlement(actor.brandId)).toEqual([21 * 90]);
    const verification = await t.verify();
    expect(verification.ok).toBe(true);
  });
});
