import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { ConfirmFundsRpc } from '@glimmer/contracts/credit/deposit.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../testing/credit-test-app';
import { LedgerService } from './ledger.service';
import { verifyLedgerCommand } from './ledger-verify.command';

describe('credit: ledger posting and verification', () => {
  let t: CreditTestApp;
  let ledger: LedgerService;
  let orm: MikroORM;
  const actor = brandActor();
  let code: { id: string };
  let pending: { id: string; creditInvoiceId: string };

  beforeAll(async () => {
    t = await CreditTestApp.start('ledger');
    ledger = t.app.get(LedgerService);
    orm = t.app.get(MikroORM);
    code = await t.costCode(actor);
    await t.fund(actor, code.id, 5_000);
    pending = await t.deposit(actor, code.id, 700);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const accountOf = async (kind: string) =>
    (
      await t.sql<{ id: string }>(
        `select id from ledger_account where cost_code_id = $1 and kind = $2`,
        [code.id, kind],
      )
    )[0].id;

  it('verifies a consistent ledger, over the broker and from the command', async () => {
    const result = await t.verify();
    expect(result).toEqual({
      ok: true,
      checkedTransactions: 3, // pending, cleared, pending
      checkedEntries: 6,
      costCodes: 1,
      totals: [{ currency: 'USD', available: '5000', pending: '700' }],
      mismatches: [],
    });
    expect(await verifyLedgerCommand(t.config)).toEqual(result);
  });

  it('refuses an unbalanced posting and persists none of it', async () => {
    const before = await t.counts();
    const available = await accountOf('available');
    const pendingAccount = await accountOf('pending');
    await expect(
      orm.em.fork().transactional((em) =>
        ledger.post(em, {
          brandId: actor.brandId,
          kind: 'transfer',
          referenceId: randomUUID(),
          legs: [
            { accountId: available, amount: -10 },
            { accountId: pendingAccount, amount: 9 },
          ],
        }),
      ),
    ).rejects.toThrow(/sum to zero/);
    expect(await t.counts()).toEqual(before);
  });

  it('refuses a debit beyond the balance of an available or pending account, changing nothing', async () => {
    const before = await t.counts();
    const available = await accountOf('available');
    const pendingAccount = await accountOf('pending');
    await expectError(
      orm.em.fork().transactional((em) =>
        ledger.post(em, {
          brandId: actor.brandId,
          kind: 'transfer',
          referenceId: randomUUID(),
          legs: [
            { accountId: pendingAccount, amount: -701 },
            { accountId: available, amount: 701 },
          ],
        }),
      ),
      'insufficient_available_credit',
    );
    expect(await t.counts()).toEqual(before);
  });

  it('has the database itself refuse a negative available balance', async () => {
    await expect(
      t.sql(`update ledger_account set balance = -1 where id = $1`, [await accountOf('available')]),
    ).rejects.toMatchObject({
      code: '23514',
    });
  });

  /** Breaks one invariant behind the service's back, checks the report, then repairs it. */
  async function corrupted(breakIt: string[], repair: string[]) {
    for (const sql of breakIt) await t.sql(sql);
    try {
      const viaRpc = await t.verify();
      expect(await verifyLedgerCommand(t.config)).toEqual(viaRpc);
      return viaRpc;
    } finally {
      for (const sql of repair) await t.sql(sql);
      expect((await t.verify()).ok).toBe(true);
    }
  }

  it('reports an account balance that differs from its entries', async () => {
    const id = await accountOf('available');
    const result = await corrupted(
      [`update ledger_account set balance = balance + 5 where id = '${id}'`],
      [`update ledger_account set balance = balance - 5 where id = '${id}'`],
    );
    expect(result.ok).toBe(false);
    expect(result.mismatches).toEqual([
      expect.objectContaining({
        kind: 'account_balance_mismatch',
        id,
        expected: 5_000,
        actual: 5_005,
      }),
    ]);
  });

  it('reports an unbalanced transaction and one without entries', async () => {
    const [entry] = await t.sql<{ id: string; transaction_id: string }>(
      `select id, transaction_id from journal_entry where amount > 0 order by id limit 1`,
    );
    const orphan = randomUUID();
    const result = await corrupted(
      [
        `update journal_entry set amount = amount + 1 where id = ${entry.id}`,
        `insert into journal_transaction (id, brand_id, kind, reference_id) values ('${orphan}', '${actor.brandId}', 'transfer', '${orphan}')`,
      ],
      [
        `update journal_entry set amount = amount - 1 where id = ${entry.id}`,
        `delete from journal_transaction where id = '${orphan}'`,
      ],
    );
    const kinds = result.mismatches.map((m) => `${m.kind}:${m.id}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        `unbalanced_transaction:${entry.transaction_id}`,
        `transaction_without_entries:${orphan}`,
        expect.stringMatching(/^account_balance_mismatch:/),
      ]),
    );
  });

  it('reports a negative balance, a transaction across currencies and pending credit without deposits', async () => {
    const available = await accountOf('available');
    const pendingAccount = await accountOf('pending');
    const result = await corrupted(
      [
        `alter table ledger_account drop constraint ledger_account_non_negative`,
        `update ledger_account set balance = -3 where id = '${available}'`,
        `update ledger_account set currency = 'EUR' where id = '${pendingAccount}'`,
        `update deposit set status = 'voided' where id = '${pending.id}'`,
      ],
      [
        `update ledger_account set balance = 5000 where id = '${available}'`,
        `alter table ledger_account add constraint ledger_account_non_negative check (kind not in ('available', 'pending') or balance >= 0)`,
        `update ledger_account set currency = 'USD' where id = '${pendingAccount}'`,
        `update deposit set status = 'pending' where id = '${pending.id}'`,
      ],
    );
    const kinds = new Set(result.mismatches.map((m) => m.kind));
    expect([...kinds].sort()).toEqual([
      'account_balance_mismatch',
      'currency_mismatch',
      'negative_balance',
      'pending_deposits_mismatch',
    ]);
    expect(result.mismatches).toContainEqual(
      expect.objectContaining({
        kind: 'pending_deposits_mismatch',
        id: code.id,
        expected: 0,
        actual: 700,
      }),
    );
  });

  it('still works after the repairs: the deposit confirms and the ledger stays balanced', async () => {
    await t.call(ConfirmFundsRpc, { creditInvoiceId: pending.creditInvoiceId, source: 'sandbox' });
    expect((await t.verify()).ok).toBe(true);
  });

  it('totals each currency exactly, past 2^53, as decimal text', async () => {
    // 2^53 minor units more in each of two currencies: as one JavaScript number the sum is not
    // even representable, and summing USD with EUR means nothing.
    const big = 2n ** 53n;
    const euro = brandActor({ currency: 'EUR' });
    const euroCode = await t.costCode(euro);
    await t.fund(euro, euroCode.id, 300);
    for (const [brand, costCodeId] of [
      [actor, code.id],
      [euro, euroCode.id],
    ] as const) {
      const [row] = await t.sql<{ available: string; funding: string }>(
        `select (select id from ledger_account where cost_code_id = $1 and kind = 'available') as available,
                (select id from ledger_account where brand_id = $2 and kind = 'funding') as funding`,
        [costCodeId, brand.brandId],
      );
      const tx = randomUUID();
      await t.sql(
        `insert into journal_transaction (id, brand_id, kind, reference_id) values ($1, $2, 'transfer', $1)`,
        [tx, brand.brandId],
      );
      await t.sql(
        `insert into journal_entry (transaction_id, account_id, amount) values ($1, $2, $4), ($1, $3, -$4::bigint)`,
        [tx, row.available, row.funding, big.toString()],
      );
      await t.sql(`update ledger_account set balance = balance + $2 where id = $1`, [
        row.available,
        big.toString(),
      ]);
      await t.sql(`update ledger_account set balance = balance - $2 where id = $1`, [
        row.funding,
        big.toString(),
      ]);
    }
    const result = await t.verify();
    expect(result.ok).toBe(true);
    expect(result.totals).toEqual([
      { currency: 'EUR', available: (big + 300n).toString(), pending: '0' },
      { currency: 'USD', available: (big + 5_000n).toString(), pending: '700' },
    ]);
  });
});
