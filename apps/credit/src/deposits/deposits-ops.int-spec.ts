import { randomUUID } from 'node:crypto';
import {
  ConfirmFundsRpc,
  FindDepositForOpsRpc,
  ListDepositsForOpsRpc,
  OpsDepositView,
} from '@glimmer/contracts/credit/deposit.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

const ops = { userId: randomUUID(), role: 'ops' as const };

describe('credit: ops lists and finds deposits across brands (over the broker)', () => {
  let t: CreditTestApp;
  beforeAll(async () => {
    t = await CreditTestApp.start('depositsops');
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Every page of the list, following nextCursor. */
  const allPages = async (query: { status?: 'pending'; olderThanMinutes?: number }) => {
    const seen: OpsDepositView[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.call(ListDepositsForOpsRpc, { actor: ops, ...query, limit: 2, cursor });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  };

  it('lists pending deposits oldest first, in pages, only those older than asked', async () => {
    const acme = brandActor({ currency: 'GBP' });
    const other = brandActor();
    const acmeCode = await t.costCode(acme, 'MKT', 'Marketing');
    const otherCode = await t.costCode(other);
    const made = [
      await t.deposit(acme, acmeCode.id, 1_000),
      await t.deposit(other, otherCode.id, 2_000),
      await t.deposit(acme, acmeCode.id, 3_000),
    ];
    const confirmed = await t.deposit(acme, acmeCode.id, 4_000);
    await t.call(ConfirmFundsRpc, { creditInvoiceId: confirmed.creditInvoiceId, source: 'ops' });
    const cleared = await t.fund(acme, acmeCode.id, 5_000);
    // Two of them were made over an hour ago, a minute apart (one statement's now() would give
    // both the same time, and the order of a tie is the ids', which are random).
    await t.sql(`update deposit set created_at = now() - interval '62 minutes' where id = $1`, [
      made[0].id,
    ]);
    await t.sql(`update deposit set created_at = now() - interval '61 minutes' where id = $1`, [
      made[1].id,
    ]);

    const pending = await allPages({ status: 'pending' });
    expect(pending.map((d) => d.id)).toEqual([made[0].id, made[1].id, made[2].id, confirmed.id]);
    expect(pending[0]).toMatchObject({
      id: made[0].id,
      brandId: acme.brandId,
      costCode: { code: 'MKT', name: 'Marketing' },
      amount: 1_000,
      currency: 'GBP',
      status: 'pending',
      fundsConfirmedAt: null,
    });
    expect(pending[3].fundsConfirmedAt).toEqual(expect.any(String));

    const late = await allPages({ status: 'pending', olderThanMinutes: 60 });
    expect(late.map((d) => d.id)).toEqual([made[0].id, made[1].id]);
    expect((await allPages({})).map((d) => d.id)).toContain(cleared.id);
  });

  it('finds a deposit by its id or its credit invoice id; only for ops', async () => {
    const brand = brandActor();
    const code = await t.costCode(brand);
    const deposit = await t.deposit(brand, code.id, 700);
    const byId = await t.call(FindDepositForOpsRpc, { actor: ops, id: deposit.id });
    expect(byId).toMatchObject({ ...deposit, brandId: brand.brandId });
    const byInvoice = await t.call(FindDepositForOpsRpc, {
      actor: ops,
      id: deposit.creditInvoiceId,
    });
    expect(byInvoice).toEqual(byId);
    await expectError(t.call(FindDepositForOpsRpc, { actor: ops, id: randomUUID() }), 'not_found');
    await expectError(t.call(FindDepositForOpsRpc, { actor: brand, id: deposit.id }), 'forbidden');
    await expectError(t.call(ListDepositsForOpsRpc, { actor: brand }), 'forbidden');
    await expectError(
      t.call(ListDepositsForOpsRpc, { actor: ops, olderThanMinutes: -1 }),
      'validation_failed',
    );
  });
});
