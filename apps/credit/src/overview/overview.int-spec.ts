import { randomUUID } from 'node:crypto';
import { VoidCreditInvoiceRpc } from '@glimmer/contracts/credit/deposit.messages';
import { DrawForInvoiceRpc } from '@glimmer/contracts/credit/invoice-draw.messages';
import { CreditOverview, GetCreditOverviewRpc } from '@glimmer/contracts/credit/overview.messages';
import { CreateTransferRpc } from '@glimmer/contracts/credit/transfer.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

describe('credit: overview (over the broker)', () => {
  let t: CreditTestApp;
  beforeAll(async () => {
    t = await CreditTestApp.start('overview');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('sums available and pending over the brand and lists every code by code', async () => {
    const actor = brandActor({ currency: 'CAD' });
    const zeta = await t.costCode(actor, 'zeta');
    const alpha = await t.costCode(actor, 'Alpha');
    const empty = await t.costCode(actor, 'beta');
    await t.fund(actor, zeta.id, 1_000);
    await t.deposit(actor, alpha.id, 250);
    await t.call(CreateTransferRpc, {
      actor,
      idempotencyKey: 'ov',
      amount: 400,
      fromCostCodeId: zeta.id,
      toCostCodeId: alpha.id,
    });
    const other = brandActor({ currency: 'CAD' });
    await t.fund(other, (await t.costCode(other, 'aaa')).id, 9_999);

    const overview = await t.call(GetCreditOverviewRpc, { actor });
    expect(overview).toEqual({
      currency: 'CAD',
      available: 1_000,
      pending: 250,
      costCodes: [
        { ...alpha, available: 400, pending: 250 },
        { ...empty },
        { ...zeta, available: 600, pending: 0 },
      ],
    });
  });

  it('is empty for a new brand and closed to other roles', async () => {
    expect(await t.call(GetCreditOverviewRpc, { actor: brandActor({ currency: 'JPY' }) })).toEqual({
      currency: 'JPY',
      available: 0,
      pending: 0,
      costCodes: [],
    });
    await expectError(
      t.call(GetCreditOverviewRpc, { actor: { ...brandActor(), role: 'creator' } }),
      'forbidden',
    );
  });

  it('pages the codes by code with totals that agree with the whole overview, through every kind of movement', async () => {
    const actor = brandActor({ currency: 'EUR' });
    const codes = [];
    for (const code of ['d-4', 'A-1', 'c-3', 'B-2', 'e-5'])
      codes.push(await t.costCode(actor, code));
    const [d4, a1, c3, b2] = codes;
    await t.fund(actor, a1.id, 5_000);
    await t.fund(actor, d4.id, 700);
    await t.deposit(actor, c3.id, 300); // pending
    const voided = await t.deposit(actor, b2.id, 90);
    await t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: voided.creditInvoiceId });
    await t.call(CreateTransferRpc, {
      actor,
      idempotencyKey: randomUUID(),
      amount: 1_200,
      fromCostCodeId: a1.id,
      toCostCodeId: b2.id,
    });
    await t.call(DrawForInvoiceRpc, {
      paymentId: randomUUID(),
      brandId: actor.brandId,
      currency: 'EUR',
      invoiceId: randomUUID(),
      costCodeId: a1.id,
      amount: 800,
    });
    const whole = await t.call(GetCreditOverviewRpc, { actor });
    expect(whole).toMatchObject({ available: 3_000 + 700 + 1_200, pending: 300 });
    expect(whole.nextCursor).toBeUndefined();

    const pages: CreditOverview[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.call(GetCreditOverviewRpc, { actor, limit: 2, cursor });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages.map((p) => p.costCodes.map((c) => c.code))).toEqual([
      ['A-1', 'B-2'],
      ['c-3', 'd-4'],
      ['e-5'],
    ]);
    for (const page of pages) {
      expect(page).toMatchObject({ currency: 'EUR', available: whole.available, pending: 300 });
    }
    expect(pages.flatMap((p) => p.costCodes)).toEqual(whole.costCodes);

    const withCredit = await t.call(GetCreditOverviewRpc, { actor, limit: 50, withCredit: true });
    expect(withCredit.costCodes.map((c) => c.code)).toEqual(['A-1', 'B-2', 'c-3', 'd-4']);
    expect(withCredit.nextCursor).toBeNull();
    const unpaged = await t.call(GetCreditOverviewRpc, { actor, withCredit: true });
    expect(unpaged.costCodes).toEqual(withCredit.costCodes);

    // Spent to zero: the code leaves the "with credit" page.
    await t.call(CreateTransferRpc, {
      actor,
      idempotencyKey: randomUUID(),
      amount: 700,
      fromCostCodeId: d4.id,
      toCostCodeId: a1.id,
    });
    const after = await t.call(GetCreditOverviewRpc, { actor, limit: 50, withCredit: true });
    expect(after.costCodes.map((c) => c.code)).toEqual(['A-1', 'B-2', 'c-3']);
    expect(after).toMatchObject({ available: whole.available, pending: 300 });
    expect((await t.verify()).ok).toBe(true);
  });

  it('starts a paged overview of a new brand at zero and refuses a cursor it did not make', async () => {
    const actor = brandActor({ currency: 'JPY' });
    expect(await t.call(GetCreditOverviewRpc, { actor, limit: 10 })).toEqual({
      currency: 'JPY',
      available: 0,
      pending: 0,
      costCodes: [],
      nextCursor: null,
    });
    await expectError(
      t.call(GetCreditOverviewRpc, { actor, cursor: Buffer.from('["x"]').toString('base64url') }),
      'validation_failed',
    );
    await expectError(t.call(GetCreditOverviewRpc, { actor, limit: 0 }), 'validation_failed');
  });
});
