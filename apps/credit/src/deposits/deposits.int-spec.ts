import { CreateCostCodeRpc } from '@glimmer/contracts/credit/cost-code.messages';
import { CreateDepositRpc, GetDepositRpc } from '@glimmer/contracts/credit/deposit.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

describe('credit: adding credit (over the broker)', () => {
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
    const deposit = await t.call(CreateDepositRpc, {
      actor,
      idempotencyKey: 'k1',
      amount: 12_345,
      costCodeId: code.id,
    });
    expect(deposit).toMatchObject({
      status: 'pending',
      amount: 12_345,
      currency: 'GBP',
      costCodeId: code.id,
      fundsConfirmedAt: null,
      clearedAt: null,
      voidedAt: null,
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
      actor,
      idempotencyKey: 'fly',
      amount: 500,
      costCode: { code: 'NEW-1', name: 'New one' },
    });
    expect(await t.balances(deposit.costCodeId)).toEqual({ available: 0, pending: 500 });
    // a replay does not try to create the code again
    const again = await t.call(CreateDepositRpc, {
      actor,
      idempotencyKey: 'fly',
      amount: 500,
      costCode: { code: 'NEW-1', name: 'New one' },
    });
    expect(again).toEqual(deposit);
  });

  it('refuses a duplicate code on the fly and leaves nothing behind', async () => {
    const actor = brandActor();
    await t.costCode(actor, 'TAKEN');
    const before = await t.counts();
    await expectError(
      t.call(CreateDepositRpc, {
        actor,
        idempotencyKey: 'dup',
        amount: 500,
        costCode: { code: 'taken', name: 'x' },
      }),
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
        actor,
        idempotencyKey: 'both',
        amount: 1,
        costCodeId: code.id,
        costCode: { code: 'B1', name: 'b' },
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
        t.call(CreateDepositRpc, {
          actor,
          idempotencyKey: `a${amount}`,
          amount,
          costCodeId: code.id,
        }),
        'validation_failed',
      );
      expect(err.extra.errors?.map((e) => e.field)).toEqual(['amount']);
    }
    await expectError(
      t.callRaw(CreateDepositRpc, {
        actor,
        idempotencyKey: 'str',
        amount: '100',
        costCodeId: code.id,
      }),
      'validation_failed',
    );
    await expectError(
      t.call(CreateDepositRpc, {
        actor,
        idempotencyKey: 'bad code',
        amount: 1,
        costCode: { code: '', name: 'x' },
      }),
      'validation_failed',
    );
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
    await expect(t.deposit(stranger, theirs.id, 700, 'same-key')).resolves.toMatchObject({
      status: 'pending',
    });
  });

  it('20 concurrent creates with one key make one deposit and identical answers', async () => {
    const actor = brandActor();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.call(CreateDepositRpc, {
          actor,
          idempotencyKey: 'race',
          amount: 900,
          costCode: { code: 'RACE', name: 'r' },
        }),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    const rows = await t.sql(`select id from deposit where brand_id = $1`, [actor.brandId]);
    expect(rows).toHaveLength(1);
    expect(await t.balances(results[0].costCodeId)).toEqual({ available: 0, pending: 900 });
    expect(await t.depositEvents(results[0].id)).toHaveLength(1);
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
