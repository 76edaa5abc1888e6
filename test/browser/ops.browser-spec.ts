import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { HEADERS, topology } from '@glimmer/messaging/topology';
import { eventually } from '@glimmer/testing/eventually';
import { login, loginOps, paymentArrived, signUpBrand } from '../e2e/support/factories';
import { Api } from '../e2e/support/http';
import { GlimmerSystem, OPS } from '../e2e/support/system';
import { expectAccessible, launchBrowser, newContext, PHONE, screenshot } from './support/browser';
import { logInThroughUi } from './support/brand-ui';

jest.setTimeout(180_000);

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Waits until `locator` matches exactly `count` elements. */
async function waitForCount(locator: Locator, count: number, timeoutMs = 30_000) {
  await eventually(async () => expect(await locator.count()).toBe(count), { timeoutMs });
}

/**
 * The operations screens for an ops user logged in through /login: ledger health, dead letters
 * (inspect, replay, discard), money that needs a person (a payout the provider refuses, retried
 * from the page; a deposit without funds, confirmed from the page; a payment that cleared
 * nothing, resolved from the page; find by id) and the queue board reached from the same session.
 */
describe('web app: operations screens', () => {
  // Every payout attempt fails and there is one attempt: a payout needs attention at once.
  const system = new GlimmerSystem('web-ops', {
    PAYOUT_SANDBOX_FAIL_RATE: '1',
    PAYOUT_MAX_ATTEMPTS: '1',
    PAYOUT_DISPATCH_DELAY_MS: '1000',
    PAYOUT_SANDBOX_LATENCY_MS: '10',
  });
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let anon: Api;
  let ops: Api;
  let flaggedPayoutId: string;
  let waitingDeposit: { id: string; creditInvoiceId: string };

  /** A brand with cleared credit, a creator with a payout method, a project paid with credit. */
  async function paidProject(): Promise<string> {
    const brand = await signUpBrand(anon, { currency: 'GBP' });
    const funded = await brand.api.post('/v1/credit/deposits', {
      amount: 10_000,
      costCode: { code: 'OPS', name: 'Ops' },
    });
    expect((await paymentArrived(anon, funded.body)).status).toBe(202);
    const email = `dee-${randomUUID().slice(0, 8)}@creator.test`;
    expect((await brand.api.post('/v1/invites', { email })).status).toBe(201);
    const token = /Invite token: (\S+)/.exec(
      (await system.smtp.waitFor(email, /invited you to Glimmer/)).text,
    )![1];
    const accepted = await anon.post('/v1/invites/accept', {
      token,
      name: 'Dee',
      password: 'dee-password-1',
    });
    const creator = anon.as(await login(anon, email, 'dee-password-1'));
    await creator.post('/v1/me/payout-methods', {
      password: 'dee-password-1',
      type: 'payoneer',
      country: 'GB',
      details: { email: 'dee@payoneer.test' },
    });
    await eventually(async () =>
      expect((await brand.api.get(`/v1/cost-codes/${funded.body.costCodeId}`)).body.available).toBe(
        10_000,
      ),
    );
    const offer = await brand.api.post('/v1/offers', {
      creatorId: accepted.body.creatorId,
      title: 'Unlucky shoot',
      brief: 'Photos of the collection',
      fee: 10_000,
      dueDate: inDays(5),
      costCodeId: funded.body.costCodeId,
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
      return list.body.data[0].id as string;
    });
    const paid = await brand.api.post(`/v1/invoices/${invoiceId}/apply-credit`, {
      costCodeId: funded.body.costCodeId,
    });
    expect(paid.body.status).toBe('paid');

    // A second deposit whose payment never arrives: it waits for a person.
    const waiting = await brand.api.post('/v1/credit/deposits', {
      amount: 45_000,
      costCode: { code: 'WIRE', name: 'Bank wire' },
    });
    waitingDeposit = { id: waiting.body.id, creditInvoiceId: waiting.body.creditInvoiceId };

    return eventually(
      async () => {
        const payouts = await creator.get('/v1/me/payouts');
        expect(payouts.body.data[0]).toMatchObject({ status: 'needs_attention', attempts: 1 });
        return payouts.body.data[0].id as string;
      },
      { timeoutMs: 30_000 },
    );
  }

  /** A malformed event (both of its consumers refuse it) and one that failed for a reason now gone. */
  async function deadLetters(): Promise<{ malformedId: string; healthyId: string }> {
    const connection = await amqplib.connect(system.env.env.RABBITMQ_URL);
    const malformedId = randomUUID();
    const healthyId = randomUUID();
    try {
      const channel = await connection.createConfirmChannel();
      channel.publish(
        topology.eventsExchange(system.env.prefix),
        'credit.deposit.pending.v1',
        Buffer.from(JSON.stringify({ depositId: 'not-a-deposit' })),
        {
          messageId: malformedId,
          type: 'credit.deposit.pending.v1',
          contentType: 'application/json',
        },
      );
      // As the payout service parks an event after its retries (the database was away, say):
      // its payload is good, so a replay is handled.
      channel.sendToQueue(
        topology.deadLetterQueue(system.env.prefix, 'payout'),
        Buffer.from(
          JSON.stringify({
            brandId: randomUUID(),
            brandName: 'Acme Studios',
            creatorId: randomUUID(),
            creatorName: 'Replayed Creator',
            creatorEmail: `replayed-${healthyId.slice(0, 8)}@creator.test`,
            inviteId: randomUUID(),
            notifyEmail: null,
            joinedAt: new Date().toISOString(),
          }),
        ),
        {
          messageId: healthyId,
          type: 'network.creator.joined.v1',
          contentType: 'application/json',
          persistent: true,
          headers: {
            'x-correlation-id': `corr-${healthyId}`,
            [HEADERS.errorCode]: 'dependency_unavailable',
            [HEADERS.errorDetail]: 'database connection lost',
            [HEADERS.failedAt]: new Date().toISOString(),
            [HEADERS.originalQueue]: topology.eventQueue(system.env.prefix, 'payout'),
            [HEADERS.retryCount]: 5,
          },
        },
      );
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
    await eventually(async () => {
      const listed = await ops.get('/v1/ops/dead-letters');
      const ids = listed.body.data.map(
        (d: { id: string; service: string }) => `${d.service}:${d.id}`,
      );
      expect(ids.sort()).toEqual(
        [`invoicing:${malformedId}`, `payout:${healthyId}`, `scheduler:${malformedId}`].sort(),
      );
    });
    return { malformedId, healthyId };
  }

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    ops = await loginOps(anon);
    browser = await launchBrowser();
    flaggedPayoutId = await paidProject();
    context = await newContext(browser, system.baseUrl);
    page = await context.newPage();
    await page.goto('/login');
    await logInThroughUi(page, OPS.email, OPS.password);
    await page.waitForURL('**/ops/ledger');
  });
  // A step that failed with a drawer or modal open must not hide the next steps' screens.
  afterEach(async () => {
    await page?.keyboard.press('Escape');
    await page?.keyboard.press('Escape');
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('shows the ledger check as OK, with when it ran, and runs it again on request', async () => {
    await page.getByRole('heading', { name: 'Ledger health', level: 1 }).waitFor();
    await page.getByText('OK', { exact: true }).waitFor();
    await page.getByText('No mismatches.').waitFor();
    await page.getByText(/^Checked /).waitFor();
    const again = page.waitForResponse(
      (r) => r.url().endsWith('/v1/ops/ledger/verify') && r.status() === 200,
    );
    await page.getByRole('button', { name: 'Run the check again' }).click();
    await again;
    await page.getByText('OK', { exact: true }).waitFor();
    await expectAccessible(page, 'ledger health');
    await screenshot(page, 'ops-ledger');
  });

  it('lists dead letters by service, shows one in full, replays one and discards another', async () => {
    const { malformedId, healthyId } = await deadLetters();
    await page.getByRole('link', { name: 'Dead letters' }).click();
    await page.getByRole('heading', { name: 'Dead letters', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Dead letters' });
    await waitForCount(table.getByRole('row'), 4);
    await expectAccessible(page, 'dead letters');
    await screenshot(page, 'ops-dead-letters');

    // Only one service's letters.
    await page.getByRole('combobox', { name: 'Service' }).click();
    await page.getByRole('option', { name: 'payout', exact: true }).click();
    await page.waitForURL('**/ops/dead-letters?service=payout');
    await waitForCount(table.getByRole('row'), 2);

    await page
      .getByRole('button', { name: 'Inspect network.creator.joined.v1 for payout' })
      .click();
    const drawer = page.getByRole('dialog', { name: 'Dead letter', exact: true });
    await drawer.getByText(healthyId, { exact: true }).waitFor();
    await drawer.getByText(`corr-${healthyId}`).first().waitFor();
    await drawer.getByText('database connection lost', { exact: true }).waitFor();
    const payload = await drawer.getByLabel('Payload').textContent();
    expect(JSON.parse(payload!)).toMatchObject({ creatorName: 'Replayed Creator' });
    expect(JSON.parse((await drawer.getByLabel('Headers').textContent())!)).toMatchObject({
      [HEADERS.errorCode]: 'dependency_unavailable',
    });
    await expectAccessible(page, 'dead letter detail');
    await screenshot(page, 'ops-dead-letter-detail');
    await drawer.getByRole('button', { name: 'Replay' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('No dead letters for payout').waitFor();
    // The replay was handled: the payout service knows the creator now, and nothing came back.
    await eventually(async () => {
      const listed = await ops.get('/v1/ops/dead-letters?service=payout');
      expect(listed.body.data).toEqual([]);
    });

    // Back to every service: discard the malformed event's invoicing copy, with confirmation.
    await page.getByRole('combobox', { name: 'Service' }).click();
    await page.getByRole('option', { name: 'All services' }).click();
    await waitForCount(table.getByRole('row'), 3);
    await page
      .getByRole('button', { name: 'Inspect credit.deposit.pending.v1 for invoicing' })
      .click();
    await drawer.getByText('validation_failed').first().waitFor();
    await drawer.getByRole('button', { name: 'Discard' }).click();
    const confirm = page.getByRole('dialog', { name: 'Discard this dead letter?' });
    await expectAccessible(page, 'discard confirmation');
    await screenshot(page, 'ops-dead-letter-discard');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await drawer.getByRole('button', { name: 'Discard' }).click();
    await confirm.getByRole('button', { name: 'Discard for good' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await waitForCount(table.getByRole('row'), 2);
    await page
      .getByRole('button', { name: 'Inspect credit.deposit.pending.v1 for scheduler' })
      .waitFor();
    const left = await ops.get('/v1/ops/dead-letters');
    expect(left.body.data.map((d: { id: string; service: string }) => [d.service, d.id])).toEqual([
      ['scheduler', malformedId],
    ]);
  });

  it('shows a payout the provider refused as needing attention, with its history, and retries it', async () => {
    await page.getByRole('link', { name: 'Money that needs a person' }).click();
    await page.getByRole('heading', { name: 'Money that needs a person', level: 1 }).waitFor();
    const open = page.getByRole('button', { name: 'Open payout for Unlucky shoot' });
    await open.waitFor();
    await expectAccessible(page, 'money that needs a person');
    await screenshot(page, 'ops-money');

    await open.click();
    const drawer = page.getByRole('dialog', { name: 'Payout', exact: true });
    const attempts = drawer.getByRole('table', { name: 'Attempts' }).getByRole('row');
    await waitForCount(attempts, 2); // header + attempt 1
    await drawer.getByRole('row', { name: /^Attempts 1$/ }).waitFor();
    await drawer
      .getByText(/sandbox/i)
      .first()
      .waitFor();
    await drawer.getByText('Attempt 1 failed').waitFor();
    await expectAccessible(page, 'payout detail');
    await screenshot(page, 'ops-payout-detail');

    // The provider still refuses: the retry is one more failed attempt.
    await drawer.getByRole('button', { name: 'Retry payout' }).click();
    const confirm = page.getByRole('dialog', { name: 'Retry this payout?' });
    await confirm.getByText(/attempt 2/).waitFor();
    await confirm.getByRole('button', { name: 'Retry payout' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await drawer.getByRole('row', { name: /^Attempts 2$/ }).waitFor({ timeout: 30_000 });
    await drawer.getByText('Attempt 2 failed').waitFor({ timeout: 30_000 });
    await drawer.getByRole('button', { name: 'Retry payout' }).waitFor();

    // The provider is fixed: the next retry pays.
    await system.stopService('payout');
    await system.startService('payout', { PAYOUT_SANDBOX_FAIL_RATE: '0' });
    await system.waitReady();
    // waitReady() is the gateway's readiness (plus 500 ms): on a loaded CI box the restarted
    // payout process took over 5 s to boot, so the retry's RPC expired unanswered (a 504 in
    // the page) and attempt 3 never came. Wait for payout's own readiness (database and broker,
    // its consumers attached) before the click.
    await system.waitServiceReady('payout');
    await drawer.getByRole('button', { name: 'Retry payout' }).click();
    await confirm.getByRole('button', { name: 'Retry payout' }).click();
    await drawer.getByText('Attempt 3 paid').waitFor({ timeout: 30_000 });
    await drawer.getByText('Paid', { exact: true }).first().waitFor();
    await screenshot(page, 'ops-payout-paid');
    expect((await ops.get(`/v1/ops/payouts/${flaggedPayoutId}`)).body).toMatchObject({
      status: 'paid',
      attempts: 3,
    });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await open.waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByText('No payout needs attention.').waitFor();
  });

  it('finds a payout or a deposit by id, and says so when the id is wrong', async () => {
    const find = page.getByRole('search', { name: 'Find by id' });
    const box = find.getByRole('textbox', { name: 'Find by id' });
    await box.fill('not-an-id');
    await find.getByRole('button', { name: 'Find' }).click();
    await find.getByText(/Paste a payout, credit invoice or deposit id/).waitFor();
    await box.fill(randomUUID());
    await find.getByRole('button', { name: 'Find' }).click();
    await find.getByText('No payout, credit invoice or deposit has this id.').waitFor();

    await box.fill(flaggedPayoutId);
    await find.getByRole('button', { name: 'Find' }).click();
    const payout = page.getByRole('dialog', { name: 'Payout', exact: true });
    await payout.getByText(flaggedPayoutId, { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await payout.waitFor({ state: 'hidden' });

    await box.fill(waitingDeposit.creditInvoiceId);
    await find.getByRole('button', { name: 'Find' }).click();
    const deposit = page.getByRole('dialog', { name: 'Deposit', exact: true });
    await deposit.getByText(waitingDeposit.id, { exact: true }).waitFor();
    await deposit.getByText('Waiting for funds').waitFor();
    await expectAccessible(page, 'deposit detail');
    await screenshot(page, 'ops-deposit-detail');
    await page.keyboard.press('Escape');
    await deposit.waitFor({ state: 'hidden' });
  });

  it('lists a deposit waiting for funds and confirms its funds from the page', async () => {
    // It was made a minute ago: only a zero-minute threshold shows it.
    const minutes = page.getByRole('textbox', { name: 'Pending for more than (minutes)' });
    await minutes.fill('0');
    const confirmButton = page.getByRole('button', {
      name: `Confirm funds for credit invoice ${waitingDeposit.creditInvoiceId}`,
    });
    await confirmButton.waitFor();
    await screenshot(page, 'ops-money-deposits');
    await confirmButton.click();
    const confirm = page.getByRole('dialog', { name: 'Confirm the funds arrived?' });
    await confirm.getByText(/GBP|£/).first().waitFor();
    await confirm.getByRole('button', { name: 'Confirm funds' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page
      .getByRole('button', {
        name: `Open deposit for credit invoice ${waitingDeposit.creditInvoiceId}`,
      })
      .waitFor({ state: 'detached', timeout: 30_000 });
    const found = await ops.get(`/v1/ops/deposits/${waitingDeposit.id}`);
    expect(found.body).toMatchObject({ status: 'cleared', fundsConfirmedAt: expect.any(String) });
  });

  it('lists money that arrived after its credit invoice was deleted, and a wrong amount', async () => {
    const brand = await signUpBrand(anon, { currency: 'GBP' });
    const late = (
      await brand.api.post('/v1/credit/deposits', {
        amount: 7_700,
        costCode: { code: 'LATE', name: 'Late' },
      })
    ).body;
    expect((await brand.api.delete(`/v1/credit-invoices/${late.creditInvoiceId}`)).status).toBe(
      200,
    );
    const lateRef = `late_${late.id.slice(0, 8)}`;
    expect((await paymentArrived(anon, { ...late, providerReference: lateRef })).status).toBe(409);
    const short = (
      await brand.api.post('/v1/credit/deposits', {
        amount: 5_000,
        costCode: { code: 'SHORT', name: 'Short' },
      })
    ).body;
    const shortRef = `short_${short.id.slice(0, 8)}`;
    expect(
      (await paymentArrived(anon, { ...short, amount: 4_000, providerReference: shortRef })).status,
    ).toBe(409);

    await page.reload();
    const table = page.getByRole('table', { name: 'Payments that cleared nothing' });
    const lateRow = table.getByRole('row').filter({ hasText: lateRef });
    await lateRow.getByText('Late: invoice deleted').waitFor();
    expect(await lateRow.getByText('£77.00').count()).toBe(2); // arrived and expected
    const shortRow = table.getByRole('row').filter({ hasText: shortRef });
    await shortRow.getByText('Wrong amount').waitFor();
    await shortRow.getByText('£40.00').waitFor();
    await shortRow.getByText('£50.00').waitFor();
    await expectAccessible(page, 'payments that cleared nothing');
    await screenshot(page, 'ops-unmatched-payments');
  });

  it('resolves a payment that cleared nothing through its dialog; it moves from Open to Resolved', async () => {
    const brand = await signUpBrand(anon, { currency: 'GBP' });
    const late = (
      await brand.api.post('/v1/credit/deposits', {
        amount: 6_600,
        costCode: { code: 'GONE', name: 'Gone' },
      })
    ).body;
    expect((await brand.api.delete(`/v1/credit-invoices/${late.creditInvoiceId}`)).status).toBe(
      200,
    );
    const ref = `refund_${late.id.slice(0, 8)}`;
    expect((await paymentArrived(anon, { ...late, providerReference: ref })).status).toBe(409);
    const before = (await brand.api.get('/v1/credit')).body;

    await page.goto('/ops/money');
    const table = page.getByRole('table', { name: 'Payments that cleared nothing' });
    const row = table.getByRole('row').filter({ hasText: ref });
    await row.getByRole('button', { name: `Resolve payment ${ref}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Resolve this payment' });
    await dialog.getByText('Recording this moves no money', { exact: false }).waitFor();
    await dialog.getByText('£66.00').waitFor();

    // Sent empty: each field says what it needs, next to it, and nothing is recorded.
    await dialog.getByRole('button', { name: 'Record resolution' }).click();
    await dialog.getByText('Choose what was done with the money').waitFor();
    await dialog.getByText(/^Say what was done/).waitFor();
    await expectAccessible(page, 'resolve payment dialog with errors');
    await screenshot(page, 'ops-resolve-payment-errors');
    await dialog.getByRole('radio', { name: 'Refunded at the payment provider' }).check();
    const note = dialog.getByRole('textbox', { name: /^Note/ });
    await note.fill('x'.repeat(501));
    await dialog.getByRole('button', { name: 'Record resolution' }).click();
    await dialog.getByText('Keep the note to 500 characters (it has 501)').waitFor();
    expect(
      (await ops.get('/v1/ops/unmatched-payments?status=resolved&limit=200')).body.data.map(
        (p: { providerReference: string }) => p.providerReference,
      ),
    ).not.toContain(ref);

    await note.fill('Refunded at the provider, refund re_66GONE');
    await dialog.getByRole('button', { name: 'Record resolution' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Payment resolved. It is listed under Resolved.').waitFor();
    await row.waitFor({ state: 'detached', timeout: 30_000 });

    const resolved = (
      await ops.get('/v1/ops/unmatched-payments?status=resolved&limit=200')
    ).body.data.find((p: { providerReference: string }) => p.providerReference === ref);
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: 'refunded',
      resolutionNote: 'Refunded at the provider, refund re_66GONE',
      resolvedBy: { email: OPS.email },
    });
    expect((await brand.api.get('/v1/credit')).body).toEqual(before); // no money moved

    await page
      .getByRole('radiogroup', { name: 'Which unmatched payments' })
      .getByText('Resolved', { exact: true })
      .click();
    const resolvedRow = table.getByRole('row').filter({ hasText: ref });
    await resolvedRow.getByText('Refunded', { exact: true }).waitFor();
    await resolvedRow.getByText('Refunded at the provider, refund re_66GONE').waitFor();
    await resolvedRow.getByText(OPS.email).waitFor();
    await expectAccessible(page, 'resolved payments');
    await screenshot(page, 'ops-unmatched-payments-resolved');
    await page
      .getByRole('radiogroup', { name: 'Which unmatched payments' })
      .getByText('Open', { exact: true })
      .click();
  });

  it('fits a phone', async () => {
    const phone = await newContext(browser, system.baseUrl, PHONE);
    const small = await phone.newPage();
    await small.goto('/login');
    await logInThroughUi(small, OPS.email, OPS.password);
    await small.waitForURL('**/ops/ledger');
    await small.getByText('OK', { exact: true }).waitFor();
    await screenshot(small, 'ops-ledger-phone');
    await small.goto('/ops/money');
    await small.getByRole('heading', { name: 'Money that needs a person', level: 1 }).waitFor();
    await small.getByText('No payout needs attention.').waitFor();
    await expectAccessible(small, 'money that needs a person (phone)');
    await screenshot(small, 'ops-money-phone');
    await small.goto('/ops/dead-letters');
    await small
      .getByRole('button', { name: /^Inspect / })
      .first()
      .waitFor();
    await expectAccessible(small, 'dead letters (phone)');
    await screenshot(small, 'ops-dead-letters-phone');
    await phone.close();
  });

  it('opens the queue board from the navigation with the same session, no token in the address', async () => {
    await page.getByRole('link', { name: 'Queue board' }).click();
    await page.waitForURL('**/ops/queues**');
    expect(page.url()).not.toMatch(/token/i);
    expect(new URL(page.url()).pathname).toBe('/ops/queues');
    await page.getByText('payout-dispatch').first().waitFor();
    await page.getByText('Loading...').first().waitFor({ state: 'hidden' });
    // Bull Board is a third-party page (unnamed icon buttons, a low-contrast kbd): axe is run
    // on Glimmer's own screens only.
    await screenshot(page, 'ops-queue-board');
  });
});
