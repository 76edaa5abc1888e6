import { randomUUID } from 'node:crypto';
import {
  CreateCostCodeRpc,
  GetCostCodeRpc,
  ListCostCodesRpc,
} from '@glimmer/contracts/credit/cost-code.messages';
import { encodeCursor } from '@glimmer/contracts/page';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';

describe('credit: cost codes (over the broker)', () => {
  let t: CreditTestApp;
  beforeAll(async () => {
    t = await CreditTestApp.start('costcodes');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates a cost code with zero balances and both ledger accounts', async () => {
    const actor = brandActor({ currency: 'EUR' });
    const created = await t.call(CreateCostCodeRpc, { actor, code: 'MKT-2026', name: 'Marketing' });
    expect(created).toMatchObject({
      code: 'MKT-2026',
      name: 'Marketing',
      currency: 'EUR',
      available: 0,
      pending: 0,
    });
    expect(Date.parse(created.createdAt)).not.toBeNaN();
    const accounts = await t.sql<{ kind: string }>(
      `select kind from ledger_account where cost_code_id = $1 order by kind`,
      [created.id],
    );
    expect(accounts.map((a) => a.kind)).toEqual(['available', 'pending']);
    expect(await t.call(GetCostCodeRpc, { actor, costCodeId: created.id })).toEqual(created);
  });

  it('refuses a duplicate code, ignoring case, and changes nothing', async () => {
    const actor = brandActor();
    await t.costCode(actor, 'Ops.1');
    const before = await t.counts();
    const err = await expectError(t.costCode(actor, 'OPS.1'), 'duplicate_cost_code');
    expect(err.status).toBe(409);
    expect(err.extra.meta).toEqual({ code: 'OPS.1' });
    expect(await t.counts()).toEqual(before);
    // another brand may use the same code
    await expect(t.costCode(brandActor(), 'OPS.1')).resolves.toMatchObject({ code: 'OPS.1' });
  });

  it('rejects invalid input naming the field, and unknown fields', async () => {
    const actor = brandActor();
    const before = await t.counts();
    const bad = await expectError(t.costCode(actor, '-starts-with-dash'), 'validation_failed');
    expect(bad.extra.errors?.map((e) => e.field)).toEqual(['code']);
    const empty = await expectError(t.costCode(actor, 'OK', ''), 'validation_failed');
    expect(empty.extra.errors?.map((e) => e.field)).toEqual(['name']);
    const extra = await expectError(
      t.callRaw(CreateCostCodeRpc, { actor, code: 'X1', name: 'x', balance: 100 }),
      'validation_failed',
    );
    expect(extra.extra.errors?.map((e) => e.field)).toEqual(['balance']);
    await expectError(t.callRaw(CreateCostCodeRpc, { code: 'X1', name: 'x' }), 'validation_failed');
    expect(await t.counts()).toEqual(before);
  });

  it('serves brand members only', async () => {
    const creator = { userId: randomUUID(), role: 'creator' as const, creatorId: randomUUID() };
    await expectError(
      t.call(CreateCostCodeRpc, { actor: creator, code: 'A1', name: 'a' }),
      'forbidden',
    );
    const ops = { userId: randomUUID(), role: 'ops' as const };
    await expectError(t.call(ListCostCodesRpc, { actor: ops }), 'forbidden');
    const noCurrency = { userId: randomUUID(), role: 'brand' as const, brandId: randomUUID() };
    await expectError(
      t.call(CreateCostCodeRpc, { actor: noCurrency, code: 'A1', name: 'a' }),
      'forbidden',
    );
  });

  it("answers not_found for another brand's cost code and for an unknown id", async () => {
    const owner = brandActor();
    const code = await t.costCode(owner);
    await expectError(
      t.call(GetCostCodeRpc, { actor: brandActor(), costCodeId: code.id }),
      'not_found',
    );
    await expectError(
      t.call(GetCostCodeRpc, { actor: owner, costCodeId: randomUUID() }),
      'not_found',
    );
  });

  it('pages through cost codes by creation with a stable cursor', async () => {
    const actor = brandActor();
    const created = [];
    for (let i = 0; i < 5; i += 1) created.push(await t.costCode(actor, `P-${i}`));
    await t.costCode(brandActor(), 'OTHER-BRAND');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.call(ListCostCodesRpc, {
        actor,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.data.map((c) => c.code));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(created.map((c) => c.code));
    expect(pages).toBe(3);
    const all = await t.call(ListCostCodesRpc, { actor });
    expect(all.data).toHaveLength(5);
    expect(all.nextCursor).toBeNull();
  });

  it('rejects a cursor it did not make and an out-of-range limit', async () => {
    const actor = brandActor();
    for (const cursor of [
      'garbage',
      encodeCursor({ createdAt: '1', id: 'x' }),
      Buffer.from('[1,2]').toString('base64url'),
    ]) {
      const err = await expectError(
        t.call(ListCostCodesRpc, { actor, cursor }),
        'validation_failed',
      );
      expect(err.extra.errors?.[0].field).toBe('cursor');
    }
    await expectError(t.call(ListCostCodesRpc, { actor, limit: 201 }), 'validation_failed');
    await expectError(t.call(ListCostCodesRpc, { actor, limit: 0 }), 'validation_failed');
  });
});
