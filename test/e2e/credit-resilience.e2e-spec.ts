import { eventually } from '@glimmer/testing/eventually';
import { signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem } from './support/system';

/** Crash safety and the sandbox provider, with the services as real processes. */
describe('credit resilience end to end', () => {
  const system = new GlimmerSystem('resilience', { CREDIT_SANDBOX_CLEAR_AFTER_MS: '1500' });
  let anon: Api;
  let brand: SignedUpBrand;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    brand = await signUpBrand(anon);
  });

  afterAll(() => system.stop());

  it('the sandbox provider confirms funds after its delay, and the deposit clears by itself', async () => {
    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount: 4_200,
      costCode: { code: 'SANDBOX', name: 'Sandbox' },
    });
    expect(deposit.body.status).toBe('pending');
    await eventually(
      async () =>
        expect((await brand.api.get(`/v1/credit/deposits/${deposit.body.id}`)).body.status).toBe(
          'cleared',
        ),
      { timeoutMs: 20_000 },
    );
    expect((await brand.api.get(`/v1/cost-codes/${deposit.body.costCodeId}`)).body).toMatchObject({
      available: 4_200,
      pending: 0,
    });
  });

  it('an event committed just before the credit service died is delivered once after restart', async () => {
    // This credit run commits deposits and their outbox rows but publishes nothing: it "dies"
    // between the commit and the publish.
    await system.stopService('credit');
    await system.startService('credit', { OUTBOX_RELAY: 'off' });
    const deposit = await eventually(async () => {
      const res = await brand.api.post('/v1/credit/deposits', {
        amount: 3_100,
        costCode: { code: 'CRASH', name: 'Crash' },
      });
      if (res.status !== 201) throw new Error(`not yet: ${res.status}`);
      return res.body;
    });
    await system.kill('credit');
    await new Promise((r) => setTimeout(r, 500));
    const listed = (await brand.api.get('/v1/credit-invoices')).body.data.map(
      (i: { id: string }) => i.id,
    );
    expect(listed).not.toContain(deposit.creditInvoiceId); // nothing published before the crash

    await system.startService('credit');
    const invoice = await eventually(async () => {
      const found = (await brand.api.get('/v1/credit-invoices')).body.data.filter(
        (i: { id: string }) => i.id === deposit.creditInvoiceId,
      );
      if (found.length === 0) throw new Error('not delivered yet');
      return found;
    });
    expect(invoice).toHaveLength(1);
    await system.smtp.waitFor(brand.financeEmail, new RegExp(deposit.creditInvoiceId));
    await new Promise((r) => setTimeout(r, 1_000));
    const mails = system.smtp.messages.filter(
      (m) => m.subject.includes(deposit.creditInvoiceId) && /issued/i.test(m.subject),
    );
    expect(mails).toHaveLength(1);
  });
});
