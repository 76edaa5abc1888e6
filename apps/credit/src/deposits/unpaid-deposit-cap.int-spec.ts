import {
  ConfirmFundsRpc,
  CreateDepositRpc,
  VoidCreditInvoiceRpc,
} from '@glimmer/contracts/credit/deposit.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

/**
 * Each deposit mails a credit invoice to the brand's finance contact and needs no money, so a
 * brand may have at most CREDIT_MAX_UNPAID_DEPOSITS unpaid ones at once (issue 11 item 8).
 */
describe('credit: the cap on unpaid deposits', () => {
  let t: CreditTestApp;
  beforeAll(async () => {
    t = await CreditTestApp.start('depcap', { overrides: { CREDIT_MAX_UNPAID_DEPOSITS: '3' } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const deposit = (actor: ReturnType<typeof brandActor>, key: string, costCodeId: string) =>
    t.call(CreateDepositRpc, { actor, idempotencyKey: key, amount: 1_000, costCodeId });

  it('refuses the next one with 409 pending_deposit_limit_reached, even concurrently', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => deposit(actor, `k${i}`, code.id)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    for (const o of outcomes.filter((o) => o.status === 'rejected'))
      expect((o as PromiseRejectedResult).reason.code).toBe('pending_deposit_limit_reached');
    expect(await t.balances(code.id)).toEqual({ available: 0, pending: 3_000 });
    const refused = await expectError(
      deposit(actor, 'k-more', code.id),
      'pending_deposit_limit_reached',
    );
    expect(refused.status).toBe(409);
    expect(refused.extra.meta).toEqual({ unpaid: 3, limit: 3 });

    // A replay of a key that made a deposit is still its first answer, not a refusal.
    const keyOf = outcomes.findIndex((o) => o.status === 'fulfilled');
    const first = outcomes[keyOf] as PromiseFulfilledResult<{ id: string }>;
    expect((await deposit(actor, `k${keyOf}`, code.id)).id).toBe(first.value.id);

    // Another brand has its own places.
    const other = brandActor();
    expect((await deposit(other, 'k0', (await t.costCode(other)).id)).status).toBe('pending');
  });

  it('frees a place when funds are confirmed or the credit invoice is deleted', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await deposit(actor, `d${i}`, code.id));
    await expectError(deposit(actor, 'd3', code.id), 'pending_deposit_limit_reached');

    await t.call(ConfirmFundsRpc, { creditInvoiceId: made[0].creditInvoiceId, source: 'webhook' });
    expect((await deposit(actor, 'd3', code.id)).status).toBe('pending');
    await expectError(deposit(actor, 'd4', code.id), 'pending_deposit_limit_reached');

    await t.call(VoidCreditInvoiceRpc, { actor, creditInvoiceId: made[1].creditInvoiceId });
    expect((await deposit(actor, 'd4', code.id)).status).toBe('pending');
    expect((await t.verify()).mismatches).toEqual([]);
  });
});
