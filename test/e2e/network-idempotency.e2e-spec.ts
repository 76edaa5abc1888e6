import { randomUUID } from 'node:crypto';
import { eventually } from '@glimmer/testing/eventually';
import { login, signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem } from './support/system';

const RPC_TIMEOUT_MS = 2_000;
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A retry after a 504 (creator-network frozen past the deadline) makes one offer, one email. */
describe('offers de-duplicated by creator-network end to end', () => {
  const system = new GlimmerSystem('net-idem', { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) });
  let anon: Api;
  let brand: SignedUpBrand;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    brand = await signUpBrand(anon, { name: 'Idem Studios', currency: 'EUR' });
  });

  afterAll(async () => {
    try {
      system.freeze('creator-network', false);
    } catch {
      /* not running */
    }
    await system.stop();
  });

  it('the same Idempotency-Key after a 504 yields exactly one offer and one offer email', async () => {
    const costCodeId = (await brand.api.post('/v1/cost-codes', { code: 'IDEM', name: 'Idem' })).body
      .id;
    const email = `creator-${randomUUID().slice(0, 8)}@creator.test`;
    expect((await brand.api.post('/v1/invites', { email })).status).toBe(201);
    const mail = await system.smtp.waitFor(email, /^Idem Studios invited you to Glimmer/);
    const token = /Invite token: (\S+)/.exec(mail.text)?.[1];
    const accepted = await anon.post('/v1/invites/accept', {
      token,
      name: 'Frozen Creator',
      password: 'a long creator password',
    });
    expect(accepted.status).toBe(201);
    await login(anon, email, 'a long creator password');

    const key = randomUUID();
    const body = {
      creatorId: accepted.body.creatorId,
      title: 'Frozen shoot',
      brief: '3 photos',
      fee: 90_000,
      dueDate: inDays(20),
      costCodeId,
      storyCode: 'FROZEN-1',
    };
    system.freeze('creator-network', true);
    let first;
    try {
      first = await brand.api.post('/v1/offers', body, key);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      system.freeze('creator-network', false);
    }
    expect(first.status).toBe(504);

    // The thawed service runs the request it already held (the broker had delivered it before
    // the deadline) and commits an offer the client never heard of: the case to de-duplicate.
    const held = await eventually(async () => {
      const ids = (await brand.api.get('/v1/offers')).body.data.map((o: { id: string }) => o.id);
      if (ids.length !== 1) throw new Error(`offers so far: ${ids.length}`);
      return ids[0] as string;
    });
    const retried = await brand.api.post('/v1/offers', body, key);
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(held);
    const again = await brand.api.post('/v1/offers', body, key);
    expect(again.body.id).toBe(retried.body.id);

    const offers = (await brand.api.get('/v1/offers')).body.data.filter(
      (o: { title: string }) => o.title === 'Frozen shoot',
    );
    expect(offers.map((o: { id: string }) => o.id)).toEqual([retried.body.id]);

    await system.smtp.waitFor(email, /made you an offer: Frozen shoot/);
    await new Promise((r) => setTimeout(r, 2_000));
    const offerMails = system.smtp.messages.filter(
      (m) => m.to.includes(email) && /made you an offer: Frozen shoot/.test(m.subject),
    );
    expect(offerMails).toHaveLength(1);
  });
});
