import { randomUUID } from 'node:crypto';
import { eventually } from '@glimmer/testing/eventually';
import { login, loginOps, paymentArrived, signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem } from './support/system';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * The whole money loop through the gateway (issue #4): credit bought and cleared, a creator
 * invited, onboarded with a payout method, hired, signed, both complete; the invoice is paid
 * with credit in parts; the creator is paid within two weeks and sees it on the dashboard.
 */
describe('money loop: project invoice → apply credit → payout', () => {
  // Payouts go out 1.5 s after payment here; production waits days (always ≤ PAYOUT_MAX_DAYS).
  const system = new GlimmerSystem('money', { PAYOUT_DISPATCH_DELAY_MS: '1500' });
  let anon: Api;
  let ops: Api;
  let brand: SignedUpBrand;
  let marketing: string;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    ops = await loginOps(anon);
    brand = await signUpBrand(anon, { name: 'Acme Studios', currency: 'USD' });
    marketing = await fundedCostCode(brand, 'MKT', 200_000);
  });

  afterAll(() => system.stop());

  /** A cost code with `amount` of cleared credit (the provider's signed webhook confirms it). */
  const fundedCostCode = async (from: SignedUpBrand, code: string, amount: number) => {
    const deposit = await from.api.post('/v1/credit/deposits', {
      amount,
      costCode: { code, name: `${code} budget` },
    });
    expect(deposit.status).toBe(201);
    expect((await paymentArrived(anon, deposit.body)).status).toBe(202);
    await eventually(async () =>
      expect((await from.api.get(`/v1/cost-codes/${deposit.body.costCodeId}`)).body.available).toBe(
        amount,
      ),
    );
    return deposit.body.costCodeId as string;
  };

  /** Invites a creator, who accepts from the emailed token and logs in. */
  const onboardCreator = async (name: string) => {
    const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID().slice(0, 8)}@creator.test`;
    expect((await brand.api.post('/v1/invites', { email })).status).toBe(201);
    const mail = await system.smtp.waitFor(email, /invited you to Glimmer/);
    const token = /Invite token: (\S+)/.exec(mail.text)![1];
    const accepted = await anon.post('/v1/invites/accept', {
      token,
      name,
      password: 'creator-pass-123',
    });
    expect(accepted.status).toBe(201);
    const api = anon.as(await login(anon, email, 'creator-pass-123'));
    return { id: accepted.body.creatorId as string, email, api };
  };

  /** Hire → accept and sign → both complete; returns the completed project's id. */
  const completedProject = async (
    creator: { id: string; api: Api },
    fee: number,
    storyCode: string,
  ) => {
    const offer = await brand.api.post('/v1/offers', {
      creatorId: creator.id,
      title: `Campaign ${storyCode}`,
      brief: 'Photos of the collection',
      fee,
      dueDate: inDays(20),
      costCodeId: marketing,
      storyCode,
    });
    expect(offer.status).toBe(201);
    const signed = await creator.api.post(`/v1/offers/${offer.body.id}/accept`, {
      signatureName: 'Creator Signature',
    });
    expect(signed.status).toBe(200);
    const projectId = signed.body.project.id as string;
    expect((await creator.api.post(`/v1/projects/${projectId}/complete`)).status).toBe(200);
    expect((await brand.api.post(`/v1/projects/${projectId}/complete`)).body.status).toBe(
      'completed',
    );
    return projectId;
  };

  const invoiceOf = async (projectId: string) =>
    eventually(async () => {
      const list = await brand.api.get(`/v1/invoices?storyCode=`);
      const found = list.body.data?.find((i: { projectId: string }) => i.projectId === projectId);
      expect(found).toBeDefined();
      return found;
    });

  it('pays a completed project in parts with credit, then pays the creator within two weeks', async () => {
    const creator = await onboardCreator('Ada Lens');

    // The creator adds a payout method valid for their country; details are checked and masked.
    const catalogue = await creator.api.get('/v1/payout-methods/available?country=GB');
    expect(catalogue.status).toBe(200);
    const types = catalogue.body.data.map((m: { type: string }) => m.type);
    expect(types).toEqual(expect.arrayContaining(['payoneer', 'local_bank_transfer']));
    const badBank = await creator.api.post('/v1/me/payout-methods', {
      password: 'creator-pass-123',
      type: 'local_bank_transfer',
      country: 'GB',
      details: { accountHolder: 'Ada Lens', sortCode: '1234', accountNumber: '12345678' },
    });
    expect(badBank.status).toBe(400);
    expect(JSON.stringify(badBank.body)).toContain('sortCode');
    const bank = await creator.api.post('/v1/me/payout-methods', {
      password: 'creator-pass-123',
      type: 'local_bank_transfer',
      country: 'GB',
      details: { accountHolder: 'Ada Lens', sortCode: '040004', accountNumber: '41926819' },
    });
    expect(bank.status).toBe(201);
    expect(bank.body).toMatchObject({ type: 'local_bank_transfer', preferred: true });
    expect(JSON.stringify(bank.body)).not.toContain('41926819');
    expect(bank.body.details.accountNumber).toMatch(/6819$/);

    const projectId = await completedProject(creator, 150_000, 'SPRING-27');

    // The invoice is issued to the brand and its finance contact is emailed.
    const issued = await invoiceOf(projectId);
    expect(issued).toMatchObject({
      projectId,
      costCodeId: marketing,
      storyCode: 'SPRING-27',
      amount: 150_000,
      amountPaid: 0,
      amountDue: 150_000,
      currency: 'USD',
      status: 'unpaid',
      payments: [],
      canApplyCredit: true,
      creditSources: [{ costCodeId: marketing, code: 'MKT', available: 200_000 }],
    });
    await system.smtp.waitFor(
      brand.financeEmail,
      /^Project invoice issued: Campaign SPRING-27 \(USD 1,500\.00\)$/,
    );
    const project = await creator.api.get(`/v1/projects/${projectId}`);
    expect(project.body).toMatchObject({ invoiceId: issued.id, expectedPaymentDate: null });

    // Partial credit: the new amount due and the payment are shown; a retry changes nothing.
    const key = randomUUID();
    const partial = await brand.api.post(
      `/v1/invoices/${issued.id}/apply-credit`,
      { costCodeId: marketing, amount: 50_000 },
      key,
    );
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({
      amountPaid: 50_000,
      amountDue: 100_000,
      status: 'partially_paid',
      payments: [{ costCodeId: marketing, amount: 50_000, id: expect.any(String) }],
    });
    const retried = await brand.api.post(
      `/v1/invoices/${issued.id}/apply-credit`,
      { costCodeId: marketing, amount: 50_000 },
      key,
    );
    expect(retried.status).toBe(200);
    expect(retried.body.payments).toEqual(partial.body.payments);

    // Another cost code can pay once attached; then the rest is paid in full.
    const travel = await fundedCostCode(brand, 'TRAVEL', 30_000);
    const unattached = await brand.api.post(`/v1/invoices/${issued.id}/apply-credit`, {
      costCodeId: travel,
      amount: 10_000,
    });
    expect(unattached.status).toBe(409);
    expect(unattached.body.code).toBe('cost_code_not_attached');
    const attached = await brand.api.post(`/v1/invoices/${issued.id}/cost-codes`, {
      costCodeId: travel,
    });
    expect(attached.status).toBe(200);
    expect(attached.body.attachedCostCodeIds).toEqual(expect.arrayContaining([marketing, travel]));
    const fromTravel = await brand.api.post(`/v1/invoices/${issued.id}/apply-credit`, {
      costCodeId: travel,
      amount: 30_000,
    });
    expect(fromTravel.body).toMatchObject({ amountPaid: 80_000, amountDue: 70_000 });
    const rest = await brand.api.post(`/v1/invoices/${issued.id}/apply-credit`, {
      costCodeId: marketing,
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({
      amountPaid: 150_000,
      amountDue: 0,
      status: 'paid',
      canApplyCredit: false,
    });
    expect(rest.body.payments.map((p: { amount: number }) => p.amount)).toEqual([
      50_000, 30_000, 70_000,
    ]);
    const paidAt = Date.parse(rest.body.paidAt);

    // Credit left the cost codes exactly once; the ledger balances.
    expect((await brand.api.get(`/v1/cost-codes/${marketing}`)).body.available).toBe(80_000);
    expect((await brand.api.get(`/v1/cost-codes/${travel}`)).body.available).toBe(0);

    // The payout is scheduled within two weeks, the creator is told, then it is sent and paid.
    const scheduledMail = await system.smtp.waitFor(
      creator.email,
      /^You will be paid USD 1,500\.00 by \d{4}-\d\d-\d\d$/,
    );
    expect(scheduledMail.text).toContain('1,500.00');
    const paid = await eventually(
      async () => {
        const payouts = await creator.api.get('/v1/me/payouts');
        expect(payouts.body.data).toEqual([
          expect.objectContaining({ projectId, invoiceId: issued.id, status: 'paid' }),
        ]);
        return payouts.body.data[0];
      },
      { timeoutMs: 30_000 },
    );
    expect(paid).toMatchObject({ amount: 150_000, currency: 'USD', attempts: 1 });
    expect(Date.parse(paid.expectedDate) - paidAt).toBeLessThanOrEqual(14 * DAY);
    expect(Date.parse(paid.paidAt) - paidAt).toBeLessThanOrEqual(14 * DAY);
    await system.smtp.waitFor(creator.email, /^We sent you USD 1,500\.00$/);

    const dashboard = await creator.api.get('/v1/me/dashboard');
    expect(dashboard.body).toMatchObject({
      nextPayment: null,
      pendingTotal: 0,
      paidTotal: 150_000,
      currency: 'USD',
      projects: [{ projectId, expectedPaymentDate: paid.expectedDate, payoutStatus: 'paid' }],
    });
    expect((await creator.api.get(`/v1/projects/${projectId}`)).body.expectedPaymentDate).toBe(
      paid.expectedDate,
    );

    const csv = await brand.api.get('/v1/invoices/export.csv?status=paid');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body).toContain(
      `${issued.id},${projectId},Campaign SPRING-27,${marketing},SPRING-27,USD,1500.00,1500.00,0.00,paid,`,
    );

    const ledger = await ops.get('/v1/ops/ledger/verify');
    expect(ledger.body).toMatchObject({ ok: true, mismatches: [] });
  });

  it('refuses bad applications and changes nothing', async () => {
    const creator = await onboardCreator('Bo Frame');
    const projectId = await completedProject(creator, 40_000, 'BAD-INPUT');
    const invoice = await invoiceOf(projectId);
    const pendingOnly = (
      await brand.api.post('/v1/credit/deposits', {
        amount: 90_000,
        costCode: { code: 'PENDING', name: 'Not cleared yet' },
      })
    ).body.costCodeId;
    await brand.api.post(`/v1/invoices/${invoice.id}/cost-codes`, { costCodeId: pendingOnly });
    const other = await signUpBrand(anon, { currency: 'USD' });
    const foreign = (await other.api.post('/v1/cost-codes', { code: 'THEIRS', name: 'Theirs' }))
      .body.id;
    const before = await brand.api.get(`/v1/invoices/${invoice.id}`);
    const marketingBefore = (await brand.api.get(`/v1/cost-codes/${marketing}`)).body.available;

    const cases: { body: unknown; status: number; code: string }[] = [
      { body: { costCodeId: marketing, amount: 40_001 }, status: 409, code: 'amount_exceeds_due' },
      { body: { costCodeId: pendingOnly }, status: 409, code: 'insufficient_available_credit' },
      { body: { costCodeId: foreign }, status: 409, code: 'cost_code_not_attached' },
      { body: { costCodeId: marketing, amount: 0 }, status: 400, code: 'validation_failed' },
      { body: { costCodeId: marketing, amount: 1.5 }, status: 400, code: 'validation_failed' },
      { body: { costCodeId: 'nope' }, status: 400, code: 'validation_failed' },
      { body: { costCodeId: marketing, extra: 1 }, status: 400, code: 'validation_failed' },
    ];
    for (const c of cases) {
      const res = await brand.api.post(`/v1/invoices/${invoice.id}/apply-credit`, c.body);
      expect({ body: c.body, status: res.status, code: res.body.code }).toEqual({
        body: c.body,
        status: c.status,
        code: c.code,
      });
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    const noKey = await brand.api.post(`/v1/invoices/${invoice.id}/apply-credit`, {}, null);
    expect(noKey.status).toBe(400);
    const foreignAttach = await brand.api.post(`/v1/invoices/${invoice.id}/cost-codes`, {
      costCodeId: foreign,
    });
    expect(foreignAttach.status).toBe(404);
    const otherBrandReads = await other.api.get(`/v1/invoices/${invoice.id}`);
    expect(otherBrandReads.status).toBe(404);
    const creatorPays = await creator.api.post(`/v1/invoices/${invoice.id}/apply-credit`, {
      costCodeId: marketing,
    });
    expect(creatorPays.status).toBe(403);

    const after = await brand.api.get(`/v1/invoices/${invoice.id}`);
    expect(after.body).toMatchObject({
      amountPaid: before.body.amountPaid,
      amountDue: before.body.amountDue,
      status: 'unpaid',
      payments: [],
    });
    expect((await brand.api.get(`/v1/cost-codes/${marketing}`)).body.available).toBe(
      marketingBefore,
    );

    // Two concurrent full applications: one pays, the other is refused; never over-paid.
    const [a, b] = await Promise.all([
      brand.api.post(`/v1/invoices/${invoice.id}/apply-credit`, { costCodeId: marketing }),
      brand.api.post(`/v1/invoices/${invoice.id}/apply-credit`, { costCodeId: marketing }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const paid = await brand.api.get(`/v1/invoices/${invoice.id}`);
    expect(paid.body).toMatchObject({ amountPaid: 40_000, amountDue: 0, status: 'paid' });
    expect((await brand.api.get(`/v1/cost-codes/${marketing}`)).body.available).toBe(
      marketingBefore - 40_000,
    );
    const again = await brand.api.post(`/v1/invoices/${invoice.id}/apply-credit`, {
      costCodeId: marketing,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invoice_not_payable');
    expect((await ops.get('/v1/ops/ledger/verify')).body.ok).toBe(true);
  });

  it('holds a payout for a creator without a method, tells them, and schedules it once one is added', async () => {
    const creator = await onboardCreator('Cy Shot');
    const projectId = await completedProject(creator, 25_000, 'NO-METHOD');
    const invoice = await invoiceOf(projectId);
    expect(
      (
        await brand.api.post(`/v1/invoices/${invoice.id}/apply-credit`, {
          costCodeId: marketing,
        })
      ).body.status,
    ).toBe('paid');

    await system.smtp.waitFor(creator.email, /^Add a payout method to receive USD 250\.00$/);
    const waiting = await eventually(async () => {
      const payouts = await creator.api.get('/v1/me/payouts');
      expect(payouts.body.data).toEqual([
        expect.objectContaining({ projectId, status: 'needs_method', expectedDate: null }),
      ]);
      return payouts.body.data[0];
    });
    const dashboard = await creator.api.get('/v1/me/dashboard');
    expect(dashboard.body).toMatchObject({
      nextPayment: null,
      pendingTotal: 25_000,
      paidTotal: 0,
      projects: [{ projectId, payoutStatus: 'needs_method', expectedPaymentDate: null }],
    });

    const wrongCountry = await creator.api.post('/v1/me/payout-methods', {
      password: 'creator-pass-123',
      type: 'local_bank_transfer',
      country: 'ZZ',
      details: {},
    });
    expect(wrongCountry.status).toBe(400);
    const payoneer = await creator.api.post('/v1/me/payout-methods', {
      password: 'creator-pass-123',
      type: 'payoneer',
      country: 'DE',
      details: { email: 'cy@payoneer.test' },
    });
    expect(payoneer.status).toBe(201);
    await eventually(
      async () => {
        const payouts = await creator.api.get('/v1/me/payouts');
        expect(payouts.body.data[0]).toMatchObject({ id: waiting.id, status: 'paid' });
      },
      { timeoutMs: 30_000 },
    );
    expect((await ops.get(`/v1/ops/payouts/${waiting.id}`)).body).toMatchObject({
      id: waiting.id,
      status: 'paid',
    });
  });
});

/** A provider that refuses every transfer: retried with backoff, then flagged for ops. */
describe('money loop: a payout the provider keeps refusing', () => {
  const system = new GlimmerSystem('payfail', {
    PAYOUT_DISPATCH_DELAY_MS: '300',
    PAYOUT_SANDBOX_FAIL_RATE: '1',
    PAYOUT_SANDBOX_LATENCY_MS: '10',
    PAYOUT_MAX_ATTEMPTS: '2',
    PAYOUT_RETRY_BASE_MS: '300',
  });

  beforeAll(() => system.start());
  afterAll(() => system.stop());

  it('retries, flags needs_attention, tells the creator, and lets ops send it again', async () => {
    const anon = new Api(system.baseUrl);
    const ops = await loginOps(anon);
    const brand = await signUpBrand(anon, { currency: 'GBP' });
    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount: 10_000,
      costCode: { code: 'OPS', name: 'Ops' },
    });
    await paymentArrived(anon, deposit.body);
    const email = `dee-${randomUUID().slice(0, 8)}@creator.test`;
    await brand.api.post('/v1/invites', { email });
    const token = /Invite token: (\S+)/.exec(
      (await system.smtp.waitFor(email, /invited you to Glimmer/)).text,
    )![1];
    const creatorId = (
      await anon.post('/v1/invites/accept', { token, name: 'Dee', password: 'dee-password-1' })
    ).body.creatorId;
    const creator = anon.as(await login(anon, email, 'dee-password-1'));
    await creator.post('/v1/me/payout-methods', {
      password: 'dee-password-1',
      type: 'payoneer',
      country: 'GB',
      details: { email: 'dee@payoneer.test' },
    });
    await eventually(async () =>
      expect(
        (await brand.api.get(`/v1/cost-codes/${deposit.body.costCodeId}`)).body.available,
      ).toBe(10_000),
    );
    const offer = await brand.api.post('/v1/offers', {
      creatorId,
      title: 'Unlucky shoot',
      brief: 'b',
      fee: 10_000,
      dueDate: inDays(5),
      costCodeId: deposit.body.costCodeId,
      storyCode: 'FAIL-1',
    });
    const projectId = (
      await creator.post(`/v1/offers/${offer.body.id}/accept`, { signatureName: 'Dee' })
    ).body.project.id;
    await creator.post(`/v1/projects/${projectId}/complete`);
    await brand.api.post(`/v1/projects/${projectId}/complete`);
    const invoiceId = await eventually(async () => {
      const list = await brand.api.get('/v1/invoices');
      expect(list.body.data).toHaveLength(1);
      return list.body.data[0].id;
    });
    const paid = await brand.api.post(`/v1/invoices/${invoiceId}/apply-credit`, {
      costCodeId: deposit.body.costCodeId,
    });
    expect(paid.body.status).toBe('paid');

    const flagged = await eventually(
      async () => {
        const payouts = await creator.get('/v1/me/payouts');
        expect(payouts.body.data[0]).toMatchObject({ status: 'needs_attention', attempts: 2 });
        return payouts.body.data[0];
      },
      { timeoutMs: 30_000 },
    );
    await system.smtp.waitFor(email, /^Your payment of GBP 100\.00 is delayed: we are on it$/);

    // The ops CLI finds it; only a flagged payout can be sent again.
    const shown = system.cli('gateway', 'payout:show', flagged.id);
    expect({ status: shown.status, stderr: shown.stderr }).toMatchObject({ status: 0 });
    expect(shown.output).toMatchObject({ id: flagged.id, status: 'needs_attention', attempts: 2 });
    const retried = await ops.post(`/v1/ops/payouts/${flagged.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: flagged.id, status: 'scheduled' });
    await eventually(
      async () =>
        expect((await ops.get(`/v1/ops/payouts/${flagged.id}`)).body).toMatchObject({
          status: 'needs_attention',
          attempts: 3,
        }),
      { timeoutMs: 30_000 },
    );
    const notAgain = await creator.post(`/v1/ops/payouts/${flagged.id}/retry`);
    expect(notAgain.status).toBe(403);
    const missing = system.cli('gateway', 'payout:show', randomUUID());
    expect(missing.status).toBe(1);
    expect(missing.output).toMatchObject({ error: 'not_found' });
    expect((await ops.get('/v1/ops/ledger/verify')).body.ok).toBe(true);
  });
});
