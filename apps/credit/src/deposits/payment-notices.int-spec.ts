import { randomUUID } from 'node:crypto';
import {
  ClearDepositRpc,
  ConfirmFundsRpc,
  GetDepositRpc,
  VoidCreditInvoiceRpc,
} from '@glimmer/contracts/credit/deposit.messages';
import {
  ListUnmatchedPaymentsRpc,
  ReceivePaymentRequest,
  ReceivePaymentRpc,
} from '@glimmer/contracts/credit/payment-notice.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

/**
 * The provider's payment notices (issue #11 item 10): only the deposit's exact amount in its
 * currency clears it, once; every other payment is recorded, refused with a 409 and listed for
 * ops; a repeated notice changes nothing.
 */
describe('credit: payment notices (over the broker)', () => {
  let t: CreditTestApp;
  const ops = { userId: randomUUID(), role: 'ops' as const };
  beforeAll(async () => {
    t = await CreditTestApp.start('paynotice');
  });
  afterAll(async () => {
    await t?.stop();
  });
  afterEach(async () => {
    expect((await t.verify()).mismatches).toEqual([]);
  });

  const notice = (
    deposit: { creditInvoiceId: string; amount: number; currency: string },
    overrides: Partial<ReceivePaymentRequest> = {},
  ): ReceivePaymentRequest => ({
    creditInvoiceId: deposit.creditInvoiceId,
    amount: deposit.amount,
    currency: deposit.currency,
    providerReference: `pay_${randomUUID()}`,
    signedAt: new Date().toISOString(),
    ...overrides,
  });
  const unmatched = async () => (await t.call(ListUnmatchedPaymentsRpc, { actor: ops })).data;

  it('a notice for the exact amount and currency confirms the funds once; its repeat changes nothing', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const deposit = await t.deposit(actor, code.id, 2_500);
    const paid = notice(deposit);

    const first = await t.call(ReceivePaymentRpc, paid);
    expect(first.notice).toMatchObject({
      outcome: 'applied',
      providerReference: paid.providerReference,
      amount: 2_500,
      currency: 'USD',
      depositId: deposit.id,
    });
    expect(first.deposit.fundsConfirmedAt).not.toBeNull();
    const cleared = await t.call(ClearDepositRpc, { depositId: deposit.id });
    expect(await t.balances(code.id)).toEqual({ available: 2_500, pending: 0 });

    const before = await t.counts();
    const again = await t.call(ReceivePaymentRpc, paid);
    expect(again.notice).toEqual({ ...first.notice, depositStatus: 'cleared' });
    expect(again.deposit).toEqual(cleared);
    expect(await t.counts()).toEqual(before);
    expect((await t.depositEvents(deposit.id)).map((e) => e.pattern)).toEqual([
      'credit.deposit.pending.v1',
      'credit.deposit.funds-confirmed.v1',
      'credit.deposit.cleared.v1',
    ]);
    expect((await unmatched()).map((n) => n.depositId)).not.toContain(deposit.id);
  });

  it('a partial, an over-payment or another currency is refused (409), recorded, and clears nothing', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const deposit = await t.deposit(actor, code.id, 10_000);
    const wrong = [
      notice(deposit, { amount: 9_999 }),
      notice(deposit, { amount: 10_001 }),
      notice(deposit, { currency: 'EUR' }),
    ];
    for (const payment of wrong) {
      const err = await expectError(t.call(ReceivePaymentRpc, payment), 'payment_mismatch');
      expect(err.extra.meta).toMatchObject({
        expected: { amount: 10_000, currency: 'USD' },
        received: { amount: payment.amount, currency: payment.currency },
      });
    }
    // Repeating one: the same answer, no second record.
    const before = await t.counts();
    await expectError(t.call(ReceivePaymentRpc, wrong[0]), 'payment_mismatch');
    expect(await t.counts()).toEqual(before);

    const still = await t.call(GetDepositRpc, { actor, depositId: deposit.id });
    expect(still).toMatchObject({ status: 'pending', fundsConfirmedAt: null });
    expect(await t.balances(code.id)).toEqual({ available: 0, pending: 10_000 });
    const listed = (await unmatched()).filter((n) => n.depositId === deposit.id);
    expect(listed.map((n) => [n.outcome, n.amount, n.currency])).toEqual([
      ['amount_mismatch', 9_999, 'USD'],
      ['amount_mismatch', 10_001, 'USD'],
      ['currency_mismatch', 10_000, 'EUR'],
    ]);
    expect(listed[0]).toMatchObject({
      providerReference: wrong[0].providerReference,
      creditInvoiceId: deposit.creditInvoiceId,
      brandId: actor.brandId,
      expected: { amount: 10_000, currency: 'USD' },
      depositStatus: 'pending',
      receivedAt: expect.any(String),
    });

    // The right payment still clears it.
    const right = await t.call(ReceivePaymentRpc, notice(deposit));
    expect(right.notice.outcome).toBe('applied');
  });

  it('late funds after a void are recorded and listed for ops; the invoice stays void', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const deposit = await t.deposit(actor, code.id, 4_200);
    await t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: deposit.creditInvoiceId });
    const late = notice(deposit);

    const err = await expectError(t.call(ReceivePaymentRpc, late), 'deposit_voided');
    expect(err.extra.meta).toMatchObject({ outcome: 'deposit_voided' });
    const before = await t.counts();
    await expectError(t.call(ReceivePaymentRpc, late), 'deposit_voided');
    expect(await t.counts()).toEqual(before);

    const listed = (await unmatched()).filter((n) => n.depositId === deposit.id);
    expect(listed).toEqual([
      expect.objectContaining({
        id: err.extra.meta!.paymentNoticeId,
        outcome: 'deposit_voided',
        amount: 4_200,
        currency: 'USD',
        providerReference: late.providerReference,
        depositStatus: 'voided',
      }),
    ]);
    expect(await t.call(GetDepositRpc, { actor, depositId: deposit.id })).toMatchObject({
      status: 'voided',
      fundsConfirmedAt: null,
    });
    expect(await t.balances(code.id)).toEqual({ available: 0, pending: 0 });
  });

  it('a second payment for a paid invoice is recorded; one ops confirmed first is that payment', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const byNotice = await t.deposit(actor, code.id, 700);
    await t.call(ReceivePaymentRpc, notice(byNotice));
    await expectError(t.call(ReceivePaymentRpc, notice(byNotice)), 'credit_invoice_already_paid');

    const byOps = await t.deposit(actor, code.id, 800);
    await t.call(ConfirmFundsRpc, { creditInvoiceId: byOps.creditInvoiceId, source: 'ops' });
    const matched = await t.call(ReceivePaymentRpc, notice(byOps));
    expect(matched.notice.outcome).toBe('applied');

    const listed = (await unmatched()).filter((n) => n.brandId === actor.brandId);
    expect(listed.map((n) => [n.depositId, n.outcome])).toEqual([[byNotice.id, 'already_paid']]);
    expect((await t.depositEvents(byNotice.id)).map((e) => e.pattern)).toEqual([
      'credit.deposit.pending.v1',
      'credit.deposit.funds-confirmed.v1',
    ]);
  });

  it('the same notice sent many times at once is recorded and applied once', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const deposit = await t.deposit(actor, code.id, 1_234);
    const paid = notice(deposit);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => t.call(ReceivePaymentRpc, paid)),
    );
    expect(new Set(answers.map((a) => a.notice.id)).size).toBe(1);
    const [row] = await t.sql<{ n: string }>(
      `select count(*) as n from payment_notice where deposit_id = $1`,
      [deposit.id],
    );
    expect(Number(row.n)).toBe(1);
    expect(
      (await t.depositEvents(deposit.id)).filter(
        (e) => e.pattern === 'credit.deposit.funds-confirmed.v1',
      ),
    ).toHaveLength(1);
  });

  it('an unknown credit invoice is a 404 and records nothing; only ops may list', async () => {
    const before = await t.counts();
    await expectError(
      t.call(
        ReceivePaymentRpc,
        notice({ creditInvoiceId: randomUUID(), amount: 1, currency: 'USD' }),
      ),
      'not_found',
    );
    expect(await t.counts()).toEqual(before);
    await expectError(t.call(ListUnmatchedPaymentsRpc, { actor: brandActor() }), 'forbidden');
  });
});
