import { randomUUID } from 'node:crypto';
import {
  AddPayoutMethodRequest,
  AddPayoutMethodRpc,
  ListAvailablePayoutMethodsRpc,
  ListPayoutMethodsRpc,
  SetPreferredPayoutMethodRpc,
} from '@glimmer/contracts/payout/payout-method.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { createHash } from 'node:crypto';
import { CLEAR_UNKEYED_REQUEST_HASHES } from '../migrations/20270301000000-keyed-request-hashes';
import { PayoutTestApp } from '../testing/payout-test-app';

const DAY = 86_400_000;

describe('payout: payout methods (over the broker)', () => {
  let t: PayoutTestApp;
  beforeAll(async () => {
    t = await PayoutTestApp.start('methods'); // default timetable: 3-day hold, 14-day promise
  });
  afterAll(async () => {
    await t?.stop();
  });

  const add = (req: AddPayoutMethodRequest) => t.call(AddPayoutMethodRpc, req);

  it('lists the methods offered in a country with their fields', async () => {
    const gb = await t.call(ListAvailablePayoutMethodsRpc, { country: 'GB' });
    expect(gb.data.map((m) => m.type)).toEqual(['payoneer', 'local_bank_transfer', 'paypal']);
    expect(gb.data[1].fields.map((f) => f.name)).toEqual([
      'accountHolder',
      'sortCode',
      'accountNumber',
    ]);
    const ng = await t.call(ListAvailablePayoutMethodsRpc, { country: 'NG' });
    expect(ng.data.map((m) => m.type)).toEqual(['payoneer']);
    const bad = await expectError(
      t.call(ListAvailablePayoutMethodsRpc, { country: 'gb' }),
      'validation_failed',
    );
    expect(bad.extra.errors?.[0].field).toBe('country');
  });

  it('adds a bank account: secrets masked in every answer and sealed in the database', async () => {
    const creator = await t.joinedCreator();
    const added = await add({
      actor: creator,
      type: 'local_bank_transfer',
      country: 'DE',
      details: { accountHolder: 'Ada Lovelace', iban: 'DE89 3704 0044 0532 0130 00' },
    });
    expect(added).toMatchObject({
      type: 'local_bank_transfer',
      name: 'Local bank transfer',
      country: 'DE',
      preferred: true,
      details: { accountHolder: 'Ada Lovelace', iban: '••••3000' },
    });
    const listed = await t.call(ListPayoutMethodsRpc, { actor: creator });
    expect(listed.data).toEqual([added]);
    expect(JSON.stringify(listed)).not.toContain('DE89370400440532013000');
    const [row] = await t.sql<Record<string, unknown>>(
      'select * from payout_method where id = $1',
      [added.id],
    );
    expect(JSON.stringify(row)).not.toContain('DE89370400440532013000');
    expect(JSON.stringify(row)).not.toContain('0532013000');
    expect(row.secret_key_id).toEqual(expect.stringMatching(/^k-/));
  });

  it('refuses invalid details with the fields at fault', async () => {
    const creator = await t.joinedCreator();
    const fields = async (req: Omit<AddPayoutMethodRequest, 'actor'>) => {
      const err = await expectError(add({ actor: creator, ...req }), 'validation_failed');
      return err.extra.errors?.map((e) => e.field);
    };
    // bad IBAN check digits
    expect(
      await fields({
        type: 'local_bank_transfer',
        country: 'DE',
        details: { accountHolder: 'Ada', iban: 'DE89370400440532013001' },
      }),
    ).toEqual(['details.iban']);
    // an IBAN of another country than the one of residence
    expect(
      await fields({
        type: 'local_bank_transfer',
        country: 'DE',
        details: { accountHolder: 'Ada', iban: 'FR1420041010050500013M02606' },
      }),
    ).toEqual(['details.iban']);
    // a GB sort code of 5 digits, and an unknown field
    expect(
      await fields({
        type: 'local_bank_transfer',
        country: 'GB',
        details: { accountHolder: 'Ada', sortCode: '12345', accountNumber: '12345678', iban: 'x' },
      }),
    ).toEqual(['details.iban', 'details.sortCode']);
    // a required field missing
    expect(
      await fields({
        type: 'local_bank_transfer',
        country: 'US',
        details: { accountHolder: 'Ada', routingNumber: '021000021', accountNumber: '12345' },
      }),
    ).toEqual(['details.accountType']);
    // a method not offered in the country
    expect(
      await fields({
        type: 'local_bank_transfer',
        country: 'NG',
        details: { accountHolder: 'Ada' },
      }),
    ).toEqual(['type']);
    expect(await fields({ type: 'paypal', country: 'IN', details: { email: 'a@b.test' } })).toEqual(
      ['type'],
    );
    expect(await t.call(ListPayoutMethodsRpc, { actor: creator })).toEqual({ data: [] });
  });

  it('keeps exactly one preferred method: the first, until another is chosen', async () => {
    const creator = await t.joinedCreator();
    const first = await t.addPayoneer(creator);
    const second = await add({
      actor: creator,
      type: 'local_bank_transfer',
      country: 'GB',
      details: { accountHolder: 'Ada', sortCode: '12-34-56', accountNumber: '12345678' },
    });
    expect(first.preferred).toBe(true);
    expect(second).toMatchObject({
      preferred: false,
      details: { accountHolder: 'Ada', sortCode: '123456', accountNumber: '••••5678' },
    });
    const switched = await t.call(SetPreferredPayoutMethodRpc, {
      actor: creator,
      methodId: second.id,
    });
    expect(switched).toMatchObject({ id: second.id, preferred: true });
    const listed = await t.call(ListPayoutMethodsRpc, { actor: creator });
    expect(listed.data.map((m) => [m.id, m.preferred])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    // concurrent switches still leave exactly one
    await Promise.all([
      t.call(SetPreferredPayoutMethodRpc, { actor: creator, methodId: first.id }),
      t.call(SetPreferredPayoutMethodRpc, { actor: creator, methodId: second.id }),
      t.call(SetPreferredPayoutMethodRpc, { actor: creator, methodId: first.id }),
    ]);
    const [{ n }] = await t.sql<{ n: number }>(
      'select count(*)::int as n from payout_method where creator_id = $1 and preferred',
      [creator.creatorId],
    );
    expect(n).toBe(1);
  });

  it("answers not_found for another creator's method and forbids other roles", async () => {
    const owner = await t.joinedCreator();
    const other = await t.joinedCreator();
    const method = await t.addPayoneer(owner);
    await expectError(
      t.call(SetPreferredPayoutMethodRpc, { actor: other, methodId: method.id }),
      'not_found',
    );
    expect(await t.call(ListPayoutMethodsRpc, { actor: other })).toEqual({ data: [] });
    const brand = brandActor();
    await expectError(t.call(ListPayoutMethodsRpc, { actor: brand }), 'forbidden');
    await expectError(
      add({ actor: brand, type: 'payoneer', country: 'GB', details: { email: 'a@b.test' } }),
      'forbidden',
    );
    await expectError(
      t.call(SetPreferredPayoutMethodRpc, { actor: brand, methodId: method.id }),
      'forbidden',
    );
  });

  it('answers the first result for a repeated idempotency key, 422 for another body', async () => {
    const creator = await t.joinedCreator();
    const req = {
      actor: creator,
      idempotencyKey: `add-${randomUUID()}`,
      type: 'payoneer' as const,
      country: 'GB',
      details: { email: 'ada@example.com' },
    };
    const [a, b] = await Promise.all([add(req), add(req)]);
    expect(b).toEqual(a);
    expect(await add(req)).toEqual(a);
    expect((await t.call(ListPayoutMethodsRpc, { actor: creator })).data).toHaveLength(1);
    await expectError(
      add({ ...req, details: { email: 'bea@example.com' } }),
      'idempotency_key_reused',
    );
  });

  it('stores a keyed hash, not the SHA-256 of the details, and migrates an unkeyed one', async () => {
    const creator = await t.joinedCreator();
    const req = {
      actor: creator,
      idempotencyKey: `add-${randomUUID()}`,
      type: 'local_bank_transfer' as const,
      country: 'GB',
      details: {
        accountHolder: 'Ada Lovelace',
        sortCode: '60-16-13',
        accountNumber: '31926819',
      },
    };
    const first = await add(req);
    const plain = createHash('sha256')
      .update(
        JSON.stringify([
          req.type,
          req.country,
          Object.keys(req.details)
            .sort()
            .map((k) => [k, req.details[k as keyof typeof req.details]]),
        ]),
      )
      .digest('hex');
    const [stored] = await t.sql<{ request_hash: string }>(
      'select request_hash from payout_method where id = $1',
      [first.id],
    );
    expect(stored.request_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.request_hash).not.toBe(plain);

    // A row as the old code wrote it, then the migration: the guessable hash is gone...
    await t.sql('update payout_method set request_hash = $2 where id = $1', [first.id, plain]);
    await t.sql(CLEAR_UNKEYED_REQUEST_HASHES);
    const [migrated] = await t.sql<{ request_hash: string | null }>(
      'select request_hash from payout_method where id = $1',
      [first.id],
    );
    expect(migrated.request_hash).toBeNull();
    // ...and replays still answer the first result (compared by the opened details).
    expect(await add(req)).toEqual(first);
    await expectError(
      add({ ...req, details: { ...req.details, accountNumber: '31926810' } }),
      'idempotency_key_reused',
    );
    expect((await t.call(ListPayoutMethodsRpc, { actor: creator })).data).toHaveLength(1);
  });

  it('schedules a paid invoice for the preferred method after the hold, within the promise', async () => {
    const creator = await t.joinedCreator();
    await t.addPayoneer(creator);
    const paidAt = new Date();
    const event = t.invoicePaid(creator.creatorId, { paidAt: paidAt.toISOString() });
    const payout = await t.payoutFor(event);
    expect(payout.status).toBe('scheduled');
    expect(payout.dispatch_at!.getTime()).toBe(paidAt.getTime() + 3 * DAY);
    expect(payout.due_by.getTime()).toBe(paidAt.getTime() + 14 * DAY);
    expect(payout.expected_date).toBe(
      new Date(paidAt.getTime() + 3 * DAY).toISOString().slice(0, 10),
    );
    const events = await t.eventsOf(payout.id);
    expect(events).toEqual([
      {
        pattern: 'payout.payout.scheduled.v1',
        payload: expect.objectContaining({
          attempt: 1,
          creatorEmail: creator.email,
          creatorName: 'Cleo Creator',
          projectTitle: 'Spring campaign video',
          amount: 120_000,
          currency: 'USD',
          expectedDate: payout.expected_date,
          dispatchAt: payout.dispatch_at!.toISOString(),
        }),
      },
    ]);
  });
});
