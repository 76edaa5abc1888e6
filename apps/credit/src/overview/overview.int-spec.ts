import { GetCreditOverviewRpc } from '@glimmer/contracts/credit/overview.messages';
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
});
