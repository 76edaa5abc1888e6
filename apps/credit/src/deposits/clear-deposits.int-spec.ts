import { randomUUID } from 'node:crypto';
import type { BrandActor } from '@glimmer/contracts/actor';
import {
  ClearDepositOutcome,
  ClearDepositsRpc,
  ConfirmFundsRpc,
  DepositView,
  VoidCreditInvoiceRpc,
} from '@glimmer/contracts/credit/deposit.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

/** What a run answered for each id: the deposit's status, or the error code. */
const summary = (outcomes: ClearDepositOutcome[]) =>
  outcomes.map((o) => ('error' in o ? o.error.code : o.deposit.status));

describe('credit: clearing a run of deposits in one transaction (over the broker)', () => {
  let t: CreditTestApp;
  beforeAll(async () => {
    t = await CreditTestApp.start('clearruns');
  });
  afterAll(async () => {
    await t?.stop();
  });
  afterEach(async () => {
    expect((await t.verify()).mismatches).toEqual([]);
  });

  async function confirmed(actor: BrandActor, costCodeId: string, amount: number) {
    const deposit = await t.deposit(actor, costCodeId, amount);
    await t.call(ConfirmFundsRpc, { creditInvoiceId: deposit.creditInvoiceId, source: 'ops' });
    return deposit;
  }

  async function clearedTransactions(depositIds: string[]): Promise<number> {
    const [row] = await t.sql<{ count: string }>(
      `select count(*) from journal_transaction where kind = 'deposit_cleared' and reference_id = any($1::uuid[])`,
      [depositIds],
    );
    return Number(row.count);
  }

  it('answers each deposit on its own: cleared, already cleared, voided, unconfirmed, unknown', async () => {
    const [one, two] = [brandActor(), brandActor()];
    const codeA = await t.costCode(one);
    const codeB = await t.costCode(two);
    const a = await confirmed(one, codeA.id, 300);
    const b = await confirmed(two, codeB.id, 500);
    const done = await t.fund(one, codeA.id, 100);
    const unconfirmed = await t.deposit(one, codeA.id, 40);
    const voided = await t.deposit(two, codeB.id, 60);
    await t.call(VoidCreditInvoiceRpc, { actor: two, creditInvoiceId: voided.creditInvoiceId });
    const unknown = randomUUID();

    const ids = [a.id, b.id, done.id, unconfirmed.id, voided.id, unknown, a.id];
    const { outcomes } = await t.call(ClearDepositsRpc, { depositIds: ids });

    expect(outcomes.map((o) => o.depositId)).toEqual(ids);
    expect(summary(outcomes)).toEqual([
      'cleared',
      'cleared',
      'cleared',
      'funds_not_confirmed',
      'deposit_voided',
      'not_found',
      'cleared',
    ]);
    expect(await t.balances(codeA.id)).toEqual({ available: 400, pending: 40 });
    expect(await t.balances(codeB.id)).toEqual({ available: 500, pending: 0 });
    expect(await clearedTransactions([a.id, b.id, done.id])).toBe(3);
    // Each cleared deposit has its own event at its own version; the repeat added none.
    for (const deposit of [a, b]) {
      const events = await t.depositEvents(deposit.id);
      expect(events.map((e) => [e.pattern, e.payload.version])).toEqual([
        ['credit.deposit.pending.v1', 1],
        ['credit.deposit.funds-confirmed.v1', 2],
        ['credit.deposit.cleared.v1', 3],
      ]);
      expect(events[2].payload).toMatchObject({ status: 'cleared', amount: deposit.amount });
    }
    const again = await t.call(ClearDepositsRpc, { depositIds: [a.id, b.id] });
    expect(again.outcomes.map((o) => (o as { deposit: DepositView }).deposit)).toEqual(
      [outcomes[0], outcomes[1]].map((o) => (o as { deposit: DepositView }).deposit),
    );
  });

  it('clears each deposit exactly once when overlapping runs race', async () => {
    const actor = brandActor();
    const codes = await Promise.all([1, 2, 3].map(() => t.costCode(actor)));
    const deposits = await Promise.all(
      Array.from({ length: 24 }, (_, i) => confirmed(actor, codes[i % 3].id, 10 + i)),
    );
    const ids = deposits.map((d) => d.id);
    // Eight runs over shuffled, overlapping slices of the same deposits, all at once.
    const runs = Array.from({ length: 8 }, (_, r) => {
      const slice = ids.filter((_, i) => (i + r) % 3 !== 0);
      return t.call(ClearDepositsRpc, { depositIds: r % 2 ? slice.reverse() : slice });
    });
    for (const { outcomes } of await Promise.all(runs)) {
      expect(new Set(summary(outcomes))).toEqual(new Set(['cleared']));
    }
    expect(await clearedTransactions(ids)).toBe(24);
    const total = (i: number) =>
      deposits.filter((_, j) => j % 3 === i).reduce((s, d) => s + d.amount, 0);
    for (const [i, code] of codes.entries()) {
      expect(await t.balances(code.id)).toEqual({ available: total(i), pending: 0 });
    }
    for (const d of deposits) {
      expect((await t.depositEvents(d.id)).map((e) => e.payload.version)).toEqual([1, 2, 3]);
    }
  });

  it('clears the rest one by one when the run fails as a whole (a posting the ledger refuses)', async () => {
    const actor = brandActor();
    const healthy = await t.costCode(actor);
    const broken = await t.costCode(actor);
    const good = await Promise.all([1, 2, 3].map((n) => confirmed(actor, healthy.id, n * 100)));
    const bad = await confirmed(actor, broken.id, 70);
    // The pending account no longer holds the deposit (as if the ledger and the deposit
    // disagreed): its clearing posting is refused, which fails the run's single statement.
    await t.sql(
      `update ledger_account set balance = 0 where cost_code_id = $1 and kind = 'pending'`,
      [broken.id],
    );
    await t.sql(
      `update ledger_account set balance = balance + 70 where brand_id = $1 and kind = 'funding'`,
      [actor.brandId],
    );
    await t.sql(
      `delete from journal_entry where transaction_id in
         (select id from journal_transaction where reference_id = $1)`,
      [bad.id],
    );
    await t.sql(`delete from journal_transaction where reference_id = $1`, [bad.id]);

    const { outcomes } = await t.call(ClearDepositsRpc, {
      depositIds: [...good.map((d) => d.id), bad.id],
    });
    expect(summary(outcomes)).toEqual([
      'cleared',
      'cleared',
      'cleared',
      'insufficient_available_credit',
    ]);
    expect(await t.balances(healthy.id)).toEqual({ available: 600, pending: 0 });
    expect(await clearedTransactions([...good.map((d) => d.id), bad.id])).toBe(3);
    // Repair what the test broke (the deposit the ledger no longer holds), for the ledger check.
    await t.sql(`update deposit set status = 'voided', voided_at = now() where id = $1`, [bad.id]);
  });

  it('refuses a malformed run with 400 and changes nothing', async () => {
    const before = await t.counts();
    await expectError(t.call(ClearDepositsRpc, { depositIds: [] }), 'validation_failed');
    await expectError(
      t.call(ClearDepositsRpc, { depositIds: ['not-a-uuid'] }),
      'validation_failed',
    );
    await expectError(
      t.call(ClearDepositsRpc, { depositIds: Array.from({ length: 201 }, () => randomUUID()) }),
      'validation_failed',
    );
    expect(await t.counts()).toEqual(before);
  });
});
