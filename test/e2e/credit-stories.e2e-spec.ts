import { randomUUID } from 'node:crypto';
import { eventually } from '@glimmer/testing/eventually';
import { loginOps, paymentArrived, signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem } from './support/system';

/** Seed 000, story by story, through the gateway with every service running. */
describe('credit stories (seed 000) end to end', () => {
  const system = new GlimmerSystem('credit');
  let anon: Api;
  let ops: Api;
  let brand: SignedUpBrand;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    ops = await loginOps(anon);
    brand = await signUpBrand(anon);
  });

  afterAll(() => system.stop());

  const creditInvoice = async (api: Api, id: string, status: string) =>
    eventually(async () => {
      const res = await api.get(`/v1/credit-invoices?status=${status}`);
      const found = res.body.data.find((i: { id: string }) => i.id === id);
      if (!found) throw new Error(`credit invoice ${id} not ${status} yet`);
      return found;
    });

  const costCode = async (api: Api, id: string) => (await api.get(`/v1/cost-codes/${id}`)).body;

  it('adds credit to an existing cost code: pending, and an unpaid credit invoice to finance', async () => {
    const created = await brand.api.post('/v1/cost-codes', {
      code: 'MKT-2027',
      name: 'Marketing 2027',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'MKT-2027',
      name: 'Marketing 2027',
      currency: 'USD',
      available: 0,
      pending: 0,
    });

    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount: 250_000,
      costCodeId: created.body.id,
    });
    expect(deposit.status).toBe(201);
    expect(deposit.body).toMatchObject({
      status: 'pending',
      amount: 250_000,
      costCodeId: created.body.id,
    });
    expect(deposit.body.creditInvoiceId).toEqual(expect.any(String));

    expect(await costCode(brand.api, created.body.id)).toMatchObject({
      pending: 250_000,
      available: 0,
    });
    const invoice = await creditInvoice(brand.api, deposit.body.creditInvoiceId, 'unpaid');
    expect(invoice).toMatchObject({
      depositId: deposit.body.id,
      costCodeId: created.body.id,
      amount: 250_000,
      status: 'unpaid',
    });
    expect(invoice.issuedAt).toEqual(expect.any(String));
    const mail = await system.smtp.waitFor(brand.financeEmail, /credit invoice/i);
    expect(mail.text).toContain('2,500.00');
  });

  it('adds credit to a cost code created on the fly', async () => {
    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount: 5_000,
      costCode: { code: 'EVENTS', name: 'Events' },
    });
    expect(deposit.status).toBe(201);
    const codes = (await brand.api.get('/v1/cost-codes')).body.data;
    const events = codes.find((c: { code: string }) => c.code === 'EVENTS');
    expect(events).toMatchObject({ id: deposit.body.costCodeId, pending: 5_000, available: 0 });
    await creditInvoice(brand.api, deposit.body.creditInvoiceId, 'unpaid');
  });

  it('clears funds confirmed by the signed webhook: pending becomes available, the invoice paid', async () => {
    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount: 40_000,
      costCode: { code: 'CLEAR-WH', name: 'Webhook' },
    });
    const payment = { ...deposit.body, providerReference: `pay_${deposit.body.id}` };
    expect((await paymentArrived(anon, payment)).status).toBe(202);
    await eventually(async () =>
      expect((await brand.api.get(`/v1/credit/deposits/${deposit.body.id}`)).body.status).toBe(
        'cleared',
      ),
    );
    expect(await costCode(brand.api, deposit.body.costCodeId)).toMatchObject({
      pending: 0,
      available: 40_000,
    });
    const paid = await creditInvoice(brand.api, deposit.body.creditInvoiceId, 'paid');
    expect(paid.paidAt).toEqual(expect.any(String));
    // The provider retries webhooks: the same notice again changes nothing.
    expect((await paymentArrived(anon, payment)).status).toBe(202);
    expect(await costCode(brand.api, deposit.body.costCodeId)).toMatchObject({
      pending: 0,
      available: 40_000,
    });
  });

  it('clears funds ops marked as paid', async () => {
    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount: 7_500,
      costCode: { code: 'CLEAR-OPS', name: 'Ops' },
    });
    const marked = await ops.post(
      `/v1/ops/credit-invoices/${deposit.body.creditInvoiceId}/mark-paid`,
      undefined,
      null,
    );
    expect(marked.status).toBe(202);
    await eventually(async () =>
      expect(await costCode(brand.api, deposit.body.costCodeId)).toMatchObject({
        pending: 0,
        available: 7_500,
      }),
    );
  });

  it('deletes an unpaid credit invoice: void, pending removed, finance told it is VOID', async () => {
    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount: 12_345,
      costCode: { code: 'VOID-ME', name: 'To void' },
    });
    await creditInvoice(brand.api, deposit.body.creditInvoiceId, 'unpaid');
    const removed = await brand.api.delete(`/v1/credit-invoices/${deposit.body.creditInvoiceId}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({
      id: deposit.body.creditInvoiceId,
      status: 'void',
      pendingCreditRemoved: 12_345,
    });
    expect((await brand.api.get(`/v1/credit/deposits/${deposit.body.id}`)).body.status).toBe(
      'voided',
    );
    expect(await costCode(brand.api, deposit.body.costCodeId)).toMatchObject({
      pending: 0,
      available: 0,
    });
    const voided = await creditInvoice(brand.api, deposit.body.creditInvoiceId, 'void');
    expect(voided.voidedAt).toEqual(expect.any(String));
    const mail = await system.smtp.waitFor(brand.financeEmail, /VOID/);
    expect(mail.text).toContain('123.45');
    expect(mail.text).toContain(deposit.body.creditInvoiceId);
  });

  it('refuses to delete a credit invoice whose deposit has cleared (409) and changes nothing', async () => {
    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount: 9_000,
      costCode: { code: 'KEEP', name: 'Keep' },
    });
    await paymentArrived(anon, deposit.body);
    await eventually(async () =>
      expect((await brand.api.get(`/v1/credit/deposits/${deposit.body.id}`)).body.status).toBe(
        'cleared',
      ),
    );
    const refused = await brand.api.delete(`/v1/credit-invoices/${deposit.body.creditInvoiceId}`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('deposit_already_cleared');
    expect(await costCode(brand.api, deposit.body.costCodeId)).toMatchObject({ available: 9_000 });
  });

  it('transfers only available credit, to an existing or a new cost code', async () => {
    const from = await brand.api.post('/v1/credit/deposits', {
      amount: 30_000,
      costCode: { code: 'FROM', name: 'Origin' },
    });
    await paymentArrived(anon, from.body);
    await eventually(async () =>
      expect(await costCode(brand.api, from.body.costCodeId)).toMatchObject({ available: 30_000 }),
    );
    await brand.api.post('/v1/credit/deposits', {
      amount: 99_999,
      costCodeId: from.body.costCodeId,
    }); // pending only
    const to = await brand.api.post('/v1/cost-codes', { code: 'TO', name: 'Destination' });

    const moved = await brand.api.post('/v1/credit/transfers', {
      amount: 10_000,
      fromCostCodeId: from.body.costCodeId,
      toCostCodeId: to.body.id,
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      amount: 10_000,
      fromCostCodeId: from.body.costCodeId,
      toCostCodeId: to.body.id,
    });

    const onTheFly = await brand.api.post('/v1/credit/transfers', {
      amount: 5_000,
      fromCostCodeId: from.body.costCodeId,
      toCostCode: { code: 'NEW-DEST', name: 'New' },
    });
    expect(onTheFly.status).toBe(201);

    // 15,000 available remain beside 99,999 pending: pending is never transferable.
    const tooMuch = await brand.api.post('/v1/credit/transfers', {
      amount: 15_001,
      fromCostCodeId: from.body.costCodeId,
      toCostCodeId: to.body.id,
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('insufficient_available_credit');
    expect(await costCode(brand.api, from.body.costCodeId)).toMatchObject({
      available: 15_000,
      pending: 99_999,
    });
    expect(await costCode(brand.api, to.body.id)).toMatchObject({ available: 10_000, pending: 0 });
    expect(await costCode(brand.api, onTheFly.body.toCostCodeId)).toMatchObject({
      available: 5_000,
      code: 'NEW-DEST',
    });
  });

  it('shows the overview: totals equal the sum of the cost codes', async () => {
    const overview = (await brand.api.get('/v1/credit')).body;
    expect(overview.currency).toBe('USD');
    const sum = (k: 'available' | 'pending') =>
      overview.costCodes.reduce((acc: number, c: Record<string, number>) => acc + c[k], 0);
    expect(overview.available).toBe(sum('available'));
    expect(overview.pending).toBe(sum('pending'));
    expect(overview.available).toBeGreaterThan(0);
    expect(overview.pending).toBeGreaterThan(0);
    // Paged (what the Credits page asks for): the same totals and codes, a page at a time.
    const first = await brand.api.get('/v1/credit?limit=1&withCredit=true');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ available: overview.available, pending: overview.pending });
    expect(first.body.costCodes).toHaveLength(1);
    const second = await brand.api.get(
      `/v1/credit?limit=200&withCredit=true&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.costCodes, ...second.body.costCodes]).toEqual(
      overview.costCodes.filter((c: Record<string, number>) => c.available > 0 || c.pending > 0),
    );
    const verify = await ops.get('/v1/ops/ledger/verify');
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, mismatches: [] });
  });

  it('keeps brands apart: another brand’s cost code, deposit and invoice answer 404', async () => {
    const other = await signUpBrand(anon, { currency: 'EUR' });
    const mine = (await brand.api.get('/v1/cost-codes')).body.data[0];
    expect((await other.api.get(`/v1/cost-codes/${mine.id}`)).status).toBe(404);
    const deposit = await other.api.post('/v1/credit/deposits', {
      amount: 100,
      costCodeId: mine.id,
    });
    expect(deposit.status).toBe(404);
    const theirs = await other.api.post('/v1/credit/deposits', {
      amount: 100,
      costCode: { code: 'EU', name: 'EU' },
    });
    expect(theirs.body.currency ?? 'EUR').toBe('EUR');
    expect((await brand.api.get(`/v1/credit/deposits/${theirs.body.id}`)).status).toBe(404);
    expect(
      (await brand.api.delete(`/v1/credit-invoices/${theirs.body.creditInvoiceId}`)).status,
    ).toBe(404);
    expect((await other.api.get('/v1/credit')).body).toMatchObject({
      currency: 'EUR',
      pending: 100,
      available: 0,
    });
  });

  it('runs each request once per Idempotency-Key, even 20 at a time', async () => {
    const target = await brand.api.post('/v1/cost-codes', {
      code: `IK-${randomUUID().slice(0, 6)}`,
      name: 'Idempotent',
    });
    const key = randomUUID();
    const body = { amount: 1_111, costCodeId: target.body.id };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => brand.api.post('/v1/credit/deposits', body, key)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await costCode(brand.api, target.body.id)).toMatchObject({ pending: 1_111 });

    const reused = await brand.api.post('/v1/credit/deposits', { ...body, amount: 2_222 }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(await costCode(brand.api, target.body.id)).toMatchObject({ pending: 1_111 });
  });
});
