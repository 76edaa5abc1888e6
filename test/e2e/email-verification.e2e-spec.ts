import { randomUUID } from 'node:crypto';
import { login, paymentArrived, signUpBrand, verificationToken } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem, OPS } from './support/system';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 11 item 8, with every service running and a real SMTP receiver: an unverified brand
 * cannot make Glimmer email a third party; the emailed link verifies once; then deposits and
 * invites work, within their caps; OPS_EMAIL is never a brand's.
 */
describe('email verification and the caps on what a brand may make Glimmer send', () => {
  const system = new GlimmerSystem('verify', {
    CREDIT_MAX_UNPAID_DEPOSITS: '2',
    NETWORK_INVITES_PER_DAY: '2',
  });
  let anon: Api;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
  });

  afterAll(async () => {
    await system.stop();
  });

  const mailsTo = (address: string) => system.smtp.messages.filter((m) => m.to.includes(address));

  it('an unverified brand makes Glimmer email nobody; its emailed link verifies once, then it may', async () => {
    const tag = randomUUID().slice(0, 8);
    const admin = { name: 'Mallory', email: `admin-${tag}@brand.test`, password: `pw-${tag}-long` };
    const victim = `victim-${tag}@elsewhere.test`;
    const invitee = `invitee-${tag}@elsewhere.test`;
    const signup = await anon.post('/v1/brands', {
      name: 'Totally Your Bank',
      currency: 'USD',
      financeEmail: victim,
      admin,
    });
    expect(signup.status).toBe(201);
    const brand = anon.as(await login(anon, admin.email, admin.password));

    const deposit = await brand.post('/v1/credit/deposits', {
      amount: 100_000,
      costCode: { code: 'SPAM', name: 'Spam' },
    });
    expect(deposit.status).toBe(403);
    expect(deposit.body.code).toBe('email_not_verified');
    const invite = await brand.post('/v1/invites', { email: invitee, message: 'x'.repeat(2000) });
    expect(invite.status).toBe(403);
    expect(invite.body.code).toBe('email_not_verified');
    expect((await brand.get('/v1/credit')).body.costCodes ?? []).toEqual([]);

    // The one email sent is the link, to the admin's own address.
    const token = await verificationToken(anon, admin.email);
    await sleep(1_000);
    expect(mailsTo(victim)).toEqual([]);
    expect(mailsTo(invitee)).toEqual([]);
    const [link] = mailsTo(admin.email);
    expect(link.subject).toBe('Verify your email address for Glimmer');
    expect(link.text).toContain(`${system.baseUrl}/verify-email?token=`);

    expect((await brand.get('/v1/auth/verify-email')).body.verified).toBe(false);
    const verified = await anon.post('/v1/auth/verify-email', { token }, null);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ email: admin.email, verified: true });
    const reused = await anon.post('/v1/auth/verify-email', { token }, null);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('email_verification_token_used');
    expect((await brand.get('/v1/auth/verify-email')).body.verified).toBe(true);

    // The same session may now add credit: finance gets the credit invoice.
    const allowed = await brand.post('/v1/credit/deposits', {
      amount: 100_000,
      costCode: { code: 'MKT', name: 'Marketing' },
    });
    expect(allowed.status).toBe(201);
    await system.smtp.waitFor(victim, new RegExp(allowed.body.creditInvoiceId));
  });

  it('caps unfunded deposits per brand (409) until one is paid', async () => {
    const brand = await signUpBrand(anon);
    const deposit = (code: string) =>
      brand.api.post('/v1/credit/deposits', { amount: 5_000, costCode: { code, name: code } });
    const first = await deposit('A');
    expect(first.status).toBe(201);
    expect((await deposit('B')).status).toBe(201);
    const third = await deposit('C');
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ code: 'pending_deposit_limit_reached', limit: 2 });

    expect((await paymentArrived(anon, first.body)).status).toBe(202);
    expect((await deposit('C')).status).toBe(201);
  });

  it('caps invite emails per brand per day, resends included (429 with Retry-After)', async () => {
    const brand = await signUpBrand(anon);
    const first = await brand.api.post('/v1/invites', { email: `c1-${brand.id}@creator.test` });
    expect(first.status).toBe(201);
    const resent = await brand.api.post(`/v1/invites/${first.body.id}/resend`);
    expect(resent.status).toBe(200);
    const refused = await brand.api.post('/v1/invites', { email: `c2-${brand.id}@creator.test` });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('invite_daily_limit_reached');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(86_000);
    await sleep(1_000);
    expect(mailsTo(`c2-${brand.id}@creator.test`)).toEqual([]);
  });

  it('never gives OPS_EMAIL to a sign-up; the ops account migrate seeded logs in', async () => {
    const res = await anon.post('/v1/brands', {
      name: 'Ops squatter',
      currency: 'USD',
      financeEmail: 'f@squat.test',
      admin: { name: 'Eve', email: OPS.email.toUpperCase(), password: 'squatter-password' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('email_taken');
    expect(mailsTo(OPS.email)).toEqual([]);
    const ops = anon.as(await login(anon, OPS.email, OPS.password));
    expect((await ops.get('/v1/me')).body).toMatchObject({ role: 'ops', email: OPS.email });
  });
});
