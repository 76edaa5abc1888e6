import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GetDepositRpc } from '@glimmer/contracts/credit/deposit.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { brandActor } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from './testing/credit-test-app';

/**
 * PostgreSQL going away mid-request (issue #11 item 13): every backend of the test database is
 * terminated while deposits are being written and read. Whatever error pg, knex or MikroORM
 * raise for it — a PostgreSQL code, `Connection terminated unexpectedly`, `Transaction query
 * already complete` — the caller gets 503 `dependency_unavailable`, never a 500, and the ledger
 * stays whole.
 */
describe('credit: PostgreSQL terminated mid-request', () => {
  let t: CreditTestApp;
  let admin: Client;
  const database = () => new URL(t.env.databaseUrl).pathname.slice(1);

  beforeAll(async () => {
    t = await CreditTestApp.start('dboutage');
    admin = new Client({ connectionString: t.env.databaseUrl.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await t?.stop();
  });

  function terminateBackends(): Promise<unknown> {
    return admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database()],
    );
  }

  it('answers 503 dependency_unavailable, never 500, and recovers', async () => {
    const actor = brandActor();
    const code = await t.costCode(actor);
    const existing = await t.deposit(actor, code.id, 100);
    const outcomes: { ok: boolean; code?: string; status?: number; detail?: string }[] = [];
    const record = (p: Promise<unknown>) =>
      p.then(
        () => outcomes.push({ ok: true }),
        (err: unknown) =>
          outcomes.push(
            err instanceof DomainError
              ? { ok: false, code: err.code, status: err.status, detail: err.message }
              : { ok: false, code: `not a DomainError: ${String(err)}` },
          ),
      );

    for (let round = 0; round < 12; round++) {
      const requests = Array.from({ length: 12 }, (_, i) =>
        record(
          i % 3 === 0
            ? t.call(GetDepositRpc, { actor, depositId: existing.id })
            : t.deposit(actor, code.id, 100 + i, randomUUID()),
        ),
      );
      // Mid-request: some are inside their transaction, some wait for a connection.
      await new Promise((resolve) => setTimeout(resolve, 5 + ((round * 7) % 25)));
      await terminateBackends();
      await Promise.all(requests);
    }

    const failures = outcomes.filter((o) => !o.ok);
    expect(failures.filter((f) => f.code !== 'dependency_unavailable')).toEqual([]);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((f) => f.status === 503)).toBe(true);

    // Recovered: the pool replaces the dead connections and the ledger is whole.
    const after = await t.deposit(actor, code.id, 500);
    expect(after.status).toBe('pending');
    expect((await t.verify()).mismatches).toEqual([]);
  });
});
