import { randomUUID } from 'node:crypto';
import { eventually } from '@glimmer/testing/eventually';
import {
  loginOps,
  paymentArrived,
  signUpBrand,
  SignedUpBrand,
  signWebhook,
} from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem } from './support/system';

/** What each bad input gets, and proof it changed nothing; then the race on one cost code. */
describe('credit guards end to end', () => {
  const system = new GlimmerSystem('guards');
  let anon: Api;
  let ops: Api;
  let brand: SignedUpBrand;
  let funded: { id: string };

  /** Everything a bad request could have touched. */
  const snapshot = async () => ({
    credit: (await brand.api.get('/v1/credit')).body,
    invoices: (await brand.api.get('/v1/credit-invoices?limit=200')).body.data.length,
    ledger: (await ops.get('/v1/ops/ledger/verify')).body.checkedTransactions,
  });

  const fund = async (code: string, amount: number) => {
    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount,
      costCode: { code, name: code },
    });
    await paymentArrived(anon, deposit.body);
    await eventually(async () =>
      expect(
        (await brand.api.get(`/v1/cost-codes/${deposit.body.costCodeId}`)).body.available,
      ).toBe(amount),
    );
    return { id: deposit.body.costCodeId as string };
  };

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    ops = await loginOps(anon);
    brand = await signUpBrand(anon);
    funded = await fund('FUNDED', 100_000);
  });

  afterAll(() => system.stop());

  describe('bad input gets a clear 4xx problem and changes nothing', () => {
    const cases: Array<
      [
        string,
        () => Promise<{ status: number; body: any; headers: Headers }>,
        number,
        string,
        string?,
      ]
    > = [
      [
        'an overview filter that is not true or false',
        () => brand.api.get('/v1/credit?withCredit=maybe'),
        400,
        'validation_failed',
        'withCredit',
      ],
      [
        'an overview cursor this API did not make',
        () => brand.api.get('/v1/credit?limit=5&cursor=bm90LWEtY3Vyc29y'),
        400,
        'validation_failed',
        'cursor',
      ],
      [
        'a negative amount',
        () => brand.api.post('/v1/credit/deposits', { amount: -100, costCodeId: funded.id }),
        400,
        'validation_failed',
        'amount',
      ],
      [
        'a zero amount',
        () => brand.api.post('/v1/credit/deposits', { amount: 0, costCodeId: funded.id }),
        400,
        'validation_failed',
        'amount',
      ],
      [
        'a fractional amount',
        () => brand.api.post('/v1/credit/deposits', { amount: 10.5, costCodeId: funded.id }),
        400,
        'validation_failed',
        'amount',
      ],
      [
        'a string amount',
        () => brand.api.post('/v1/credit/deposits', { amount: '100', costCodeId: funded.id }),
        400,
        'validation_failed',
        'amount',
      ],
      [
        'an oversized amount',
        () => brand.api.post('/v1/credit/deposits', { amount: 1e15, costCodeId: funded.id }),
        400,
        'validation_failed',
        'amount',
      ],
      [
        'an unknown field',
        () =>
          brand.api.post('/v1/credit/deposits', { amount: 100, costCodeId: funded.id, bonus: 5 }),
        400,
        'validation_failed',
        'bonus',
      ],
      [
        'both cost code forms',
        () =>
          brand.api.post('/v1/credit/deposits', {
            amount: 100,
            costCodeId: funded.id,
            costCode: { code: 'X', name: 'X' },
          }),
        400,
        'validation_failed',
        undefined,
      ],
      [
        'no cost code at all',
        () => brand.api.post('/v1/credit/deposits', { amount: 100 }),
        400,
        'validation_failed',
        undefined,
      ],
      [
        'an unknown cost code',
        () => brand.api.post('/v1/credit/deposits', { amount: 100, costCodeId: randomUUID() }),
        404,
        'not_found',
        undefined,
      ],
      [
        'a missing Idempotency-Key',
        () => brand.api.post('/v1/credit/deposits', { amount: 100, costCodeId: funded.id }, null),
        400,
        'idempotency_key_required',
        undefined,
      ],
      [
        'malformed JSON',
        () =>
          brand.api.request('POST', '/v1/credit/deposits', undefined, {
            raw: '{"amount": 1',
            idempotencyKey: randomUUID(),
          }),
        400,
        'malformed_json',
        undefined,
      ],
      [
        'no token',
        () => anon.post('/v1/credit/deposits', { amount: 100, costCodeId: funded.id }),
        401,
        'unauthenticated',
        undefined,
      ],
      [
        'a forged token',
        () =>
          anon
            .as('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl')
            .post('/v1/credit/deposits', { amount: 100, costCodeId: funded.id }),
        401,
        'unauthenticated',
        undefined,
      ],
      [
        'a brand token on an ops route',
        () => brand.api.post(`/v1/ops/credit-invoices/${randomUUID()}/mark-paid`, undefined, null),
        403,
        'forbidden',
        undefined,
      ],
      [
        'a brand token on the ledger check',
        () => brand.api.get('/v1/ops/ledger/verify'),
        403,
        'forbidden',
        undefined,
      ],
      [
        'an over-drawing transfer',
        () =>
          brand.api.post('/v1/credit/transfers', {
            amount: 100_001,
            fromCostCodeId: funded.id,
            toCostCode: { code: 'NEVER', name: 'Never' },
          }),
        409,
        'insufficient_available_credit',
        undefined,
      ],
      [
        'a transfer to itself',
        () =>
          brand.api.post('/v1/credit/transfers', {
            amount: 1,
            fromCostCodeId: funded.id,
            toCostCodeId: funded.id,
          }),
        409,
        'same_cost_code',
        undefined,
      ],
      [
        'a duplicate cost code',
        () => brand.api.post('/v1/cost-codes', { code: 'funded', name: 'Again' }),
        409,
        'duplicate_cost_code',
        undefined,
      ],
      [
        'a webhook with a bad signature',
        () =>
          anon.request('POST', '/v1/webhooks/payments', undefined, {
            raw: JSON.stringify({ type: 'credit_invoice.paid', creditInvoiceId: randomUUID() }),
            headers: { 'glimmer-signature': `t=${Math.floor(Date.now() / 1000)},v1=00` },
          }),
        401,
        'invalid_signature',
        undefined,
      ],
      [
        'a signed webhook without the amount that arrived',
        () => {
          const raw = JSON.stringify({
            type: 'credit_invoice.paid',
            creditInvoiceId: randomUUID(),
            currency: 'USD',
            providerReference: 'pay_no_amount',
          });
          return anon.request('POST', '/v1/webhooks/payments', undefined, {
            raw,
            headers: { 'glimmer-signature': signWebhook(raw) },
          });
        },
        400,
        'validation_failed',
        'amount',
      ],
    ];

    // Every row has all five cells: jest.each would take a missing last one for a `done` callback.
    // Object rows: with array rows, jest.each would take a missing last cell for a `done` callback.
    const rows = cases.map(([name, send, status, code, field]) => ({
      name,
      send,
      status,
      code,
      field,
    }));
    it.each(rows)('$name → $status $code', async ({ send, status, code, field }) => {
      const before = await snapshot();
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        status,
        code,
        type: expect.stringContaining(code.replace(/_/g, '-')),
        title: expect.any(String),
        detail: expect.any(String),
      });
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('payment notices (the signed webhook)', () => {
    const unmatched = async () =>
      (await ops.get('/v1/ops/unmatched-payments?limit=200')).body.data as {
        creditInvoiceId: string;
        outcome: string;
        amount: number;
        currency: string;
        providerReference: string;
        depositStatus: string;
      }[];
    /** A deposit whose credit invoice invoicing has issued (it follows from credit's event). */
    const deposit = async (code: string, amount: number) => {
      const made = (
        await brand.api.post('/v1/credit/deposits', { amount, costCode: { code, name: code } })
      ).body as { id: string; creditInvoiceId: string; amount: number; currency: string };
      await eventually(async () =>
        expect((await brand.api.get(`/v1/credit-invoices/${made.creditInvoiceId}`)).status).toBe(
          200,
        ),
      );
      return made;
    };
    const depositStatus = async (id: string) =>
      (await brand.api.get(`/v1/credit/deposits/${id}`)).body as {
        status: string;
        fundsConfirmedAt: string | null;
      };

    it('the right notice clears once; replayed within the window it changes nothing, after it is 401', async () => {
      const d = await deposit('WH-ONCE', 12_000);
      const raw = JSON.stringify({
        type: 'credit_invoice.paid',
        creditInvoiceId: d.creditInvoiceId,
        amount: 12_000,
        currency: d.currency,
        providerReference: `pay_${d.id}`,
      });
      const first = await paymentArrived(anon, d, { raw });
      expect(first).toMatchObject({ status: 202, body: { received: true, outcome: 'applied' } });
      await eventually(async () => expect((await depositStatus(d.id)).status).toBe('cleared'));
      const before = { ...(await snapshot()), unmatched: await unmatched() };

      // The provider retrying (freshly signed): the same answer, nothing moves.
      const retried = await paymentArrived(anon, d, { raw });
      expect(retried).toMatchObject({
        status: 202,
        body: { paymentNoticeId: first.body.paymentNoticeId },
      });
      // A captured notice replayed after the tolerance (5 minutes): refused before credit.
      const replayed = await paymentArrived(anon, d, {
        raw,
        signedAt: new Date(Date.now() - 10 * 60_000),
      });
      expect(replayed.status).toBe(401);
      expect(replayed.headers.get('content-type')).toContain('application/problem+json');
      expect(replayed.body.code).toBe('signature_expired');
      expect({ ...(await snapshot()), unmatched: await unmatched() }).toEqual(before);
      expect((await ops.get('/v1/ops/ledger/verify')).body).toMatchObject({ ok: true });
    });

    it('a wrong amount or currency is 409, clears nothing, and is recorded and listed for ops', async () => {
      const d = await deposit('WH-WRONG', 5_000);
      const before = await snapshot();
      const partial = await paymentArrived(anon, { ...d, amount: 4_999 });
      const foreign = await paymentArrived(anon, { ...d, currency: 'EUR' });
      for (const res of [partial, foreign]) {
        expect(res.status).toBe(409);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body).toMatchObject({
          code: 'payment_mismatch',
          expected: { amount: 5_000, currency: d.currency },
        });
      }
      expect(await snapshot()).toEqual(before);
      expect(await depositStatus(d.id)).toMatchObject({
        status: 'pending',
        fundsConfirmedAt: null,
      });
      const listed = (await unmatched()).filter((n) => n.creditInvoiceId === d.creditInvoiceId);
      expect(listed.map((n) => [n.outcome, n.amount, n.currency])).toEqual([
        ['amount_mismatch', 4_999, d.currency],
        ['currency_mismatch', 5_000, 'EUR'],
      ]);
    });

    it('money arriving after the credit invoice was deleted is recorded and listed for ops', async () => {
      const d = await deposit('WH-LATE', 3_000);
      expect((await brand.api.delete(`/v1/credit-invoices/${d.creditInvoiceId}`)).status).toBe(200);
      const before = await snapshot();
      const late = await paymentArrived(anon, { ...d, providerReference: `late_${d.id}` });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'deposit_voided', outcome: 'deposit_voided' });
      expect(await snapshot()).toEqual(before);
      expect((await unmatched()).filter((n) => n.creditInvoiceId === d.creditInvoiceId)).toEqual([
        expect.objectContaining({
          outcome: 'deposit_voided',
          amount: 3_000,
          providerReference: `late_${d.id}`,
          depositStatus: 'voided',
        }),
      ]);
      expect((await depositStatus(d.id)).status).toBe('voided');
    });
  });

  it('50 concurrent transfers from one cost code covering 17 of them: exactly 17 succeed', async () => {
    const source = await fund('RACE-SRC', 17 * 1_000 + 999);
    const dest = (await brand.api.post('/v1/cost-codes', { code: 'RACE-DST', name: 'Race' })).body;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        brand.api.post('/v1/credit/transfers', {
          amount: 1_000,
          fromCostCodeId: source.id,
          toCostCodeId: dest.id,
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(17);
    expect(statuses.filter((s) => s === 409)).toHaveLength(33);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.code).toBe('insufficient_available_credit');
    expect((await brand.api.get(`/v1/cost-codes/${source.id}`)).body.available).toBe(999);
    expect((await brand.api.get(`/v1/cost-codes/${dest.id}`)).body.available).toBe(17_000);
    expect((await ops.get('/v1/ops/ledger/verify')).body).toMatchObject({
      ok: true,
      mismatches: [],
    });
  });

  it('opposite transfers between two cost codes at once neither deadlock nor lose a cent', async () => {
    const a = await fund('PING', 50_000);
    const b = await fund('PONG', 50_000);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        brand.api.post('/v1/credit/transfers', {
          amount: 700,
          fromCostCodeId: i % 2 ? a.id : b.id,
          toCostCodeId: i % 2 ? b.id : a.id,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
    const balances = await Promise.all(
      [a, b].map(async (c) => (await brand.api.get(`/v1/cost-codes/${c.id}`)).body.available),
    );
    expect(balances).toEqual([50_000, 50_000]);
    expect((await ops.get('/v1/ops/ledger/verify')).body).toMatchObject({ ok: true });
  });
});
