import { createHash, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { formatMoneyText } from '@glimmer/money/money-text';
import { eventually } from '@glimmer/testing/eventually';
import { login, paymentArrived, signUpBrand, SignedUpBrand } from '../e2e/support/factories';
import { Api } from '../e2e/support/http';
import { GlimmerSystem } from '../e2e/support/system';
import {
  DESKTOP,
  expectAccessible,
  launchBrowser,
  newContext,
  PHONE,
  screenshot,
} from './support/browser';
import { logInThroughUi } from './support/brand-ui';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The creator's money screens (seed 001, "web app part 2"): the Dashboard's prompt to add a
 * payout method, Settings → Payout → Add payout method, the offer from its email with the exact
 * contract to sign, then the payment on the Dashboard — expected, then Paid, without a reload.
 * The brand's side is set up through the API; every creator screen runs at phone width.
 */
describe('web app: a creator gets paid (payout method, offer and contract, dashboard)', () => {
  // The payout goes out 8 s after the invoice is paid: long enough to see it expected first.
  const system = new GlimmerSystem('web-payouts', { PAYOUT_DISPATCH_DELAY_MS: '8000' });
  let browser: Browser;
  let anon: Api;
  let brand: SignedUpBrand;
  let costCodeId: string;

  beforeAll(async () => {
    await system.start();
    browser = await launchBrowser();
    anon = new Api(system.baseUrl);
    brand = await signUpBrand(anon, { name: 'Acme Studios', currency: 'USD' });
    const deposit = await brand.api.post('/v1/credit/deposits', {
      amount: 500_000,
      costCode: { code: 'MKT', name: 'Marketing' },
    });
    expect(deposit.status).toBe(201);
    expect((await paymentArrived(anon, deposit.body)).status).toBe(202);
    costCodeId = deposit.body.costCodeId;
    await eventually(async () =>
      expect((await brand.api.get(`/v1/cost-codes/${costCodeId}`)).body.available).toBe(500_000),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  /** The link in an email, pointed at this system (emails carry the configured public origin). */
  const linkIn = (text: string, path: RegExp): string => {
    const found = new RegExp(`https?://[^\\s/]+(${path.source})`).exec(text);
    if (!found) throw new Error(`no link matching ${path} in:\n${text}`);
    return `${system.baseUrl}${found[1]}`;
  };

  const onboardCreator = async (name: string) => {
    const email = `ada-${randomUUID().slice(0, 8)}@creator.test`;
    const password = 'creator-pass-123';
    expect((await brand.api.post('/v1/invites', { email })).status).toBe(201);
    const mail = await system.smtp.waitFor(email, /invited you to Glimmer/);
    const token = /Invite token: (\S+)/.exec(mail.text)![1];
    const accepted = await anon.post('/v1/invites/accept', { token, name, password });
    expect(accepted.status).toBe(201);
    const api = anon.as(await login(anon, email, password));
    return { id: accepted.body.creatorId as string, email, password, api };
  };

  const hire = async (creatorId: string, title: string, fee: number) => {
    const offer = await brand.api.post('/v1/offers', {
      creatorId,
      title,
      brief: '12 edited photos of the spring collection.\nDeliver as JPEG, 4000 px wide.',
      fee,
      dueDate: inDays(20),
      costCodeId,
      storyCode: 'SPRING-27',
    });
    expect(offer.status).toBe(201);
    return offer.body.id as string;
  };

  /** Toasts fade in and out; mid-fade their text has no stable contrast for axe to measure. */
  const dismissNotifications = async (page: Page) => {
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    for (let i = 0; i < 10 && (await dismiss.count()) > 0; i++) {
      await dismiss
        .first()
        .click({ timeout: 1_000 })
        .catch(() => undefined);
      await page.waitForTimeout(300);
    }
  };

  const check = async (page: Page, name: string) => {
    await dismissNotifications(page);
    await expectAccessible(page, name);
    await screenshot(page, name);
  };

  it('adds a payout method, signs the offer from its email, and sees the payment expected, then paid', async () => {
    const creator = await onboardCreator('Ada Lens');
    const offerId = await hire(creator.id, 'Spring campaign photos', 150_000);
    const fee = formatMoneyText(150_000, 'USD');

    const context = await newContext(browser, system.baseUrl, PHONE);
    const page = await context.newPage();
    const sentMethods: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/v1/me/payout-methods'))
        sentMethods.push(req.postData() ?? '');
    });
    await page.goto('/login');
    await logInThroughUi(page, creator.email, creator.password);
    await page.waitForURL('**/dashboard');

    // No payout method yet: the Dashboard says so in the help center's words.
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await page
      .getByText(
        'To avoid any delays, make sure you have added and selected your preferred payment method',
      )
      .waitFor();
    await check(page, 'creator-dashboard-no-method-phone');
    await page.getByRole('link', { name: 'Add payout method' }).click();
    await page.waitForURL('**/settings/payout');
    await page.getByRole('heading', { name: 'Payout', level: 2 }).waitFor();
    await page.getByText('You have no payout method yet').waitFor();
    await check(page, 'creator-payout-settings-empty-phone');

    const addMethod = async (country: string) => {
      await page.getByRole('button', { name: 'Add payout method' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add payout method' });
      await dialog.getByRole('combobox', { name: 'Country of residence' }).fill(country);
      await page.getByRole('option', { name: country, exact: true }).click();
      return dialog;
    };

    // Payoneer first (it becomes preferred, being the first).
    let dialog = await addMethod('United Kingdom');
    await dialog.getByRole('radio', { name: 'Payoneer' }).check();
    await dialog.getByLabel('Payoneer account email').fill('ada@payoneer.test');
    // Where the money goes changes only with the account's password.
    await dialog.getByRole('button', { name: 'Save payout method' }).click();
    await dialog.getByText('Enter your password to confirm this change').waitFor();
    expect(sentMethods).toHaveLength(0);
    await dialog.getByLabel('Your Glimmer password').fill(creator.password);
    await dialog.getByRole('button', { name: 'Save payout method' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const payoneer = page.getByRole('article', { name: 'Payoneer' });
    await payoneer.getByText('Preferred').waitFor();
    // The creator is told by email, with the details masked.
    const addedMail = await system.smtp.waitFor(creator.email, /A payout method was added/);
    expect(addedMail.text).toContain('a•••@payoneer.test');
    expect(addedMail.text).not.toContain('ada@payoneer.test');

    // A local bank account: bad values are refused next to their fields, and nothing is sent.
    dialog = await addMethod('United Kingdom');
    await dialog.getByRole('radio', { name: 'Local bank transfer' }).check();
    await dialog.getByRole('button', { name: 'Save payout method' }).click();
    await dialog.getByText('Enter the account holder name').waitFor();
    await dialog.getByLabel('Account holder name').fill('Ada Lens');
    await dialog.getByLabel('Sort code').fill('12-34');
    await dialog.getByLabel('Account number').fill('4192681');
    await dialog.getByRole('button', { name: 'Save payout method' }).click();
    await dialog.getByText('Sort code must be 6 digits').waitFor();
    await dialog.getByText('Account number must be 8 digits').waitFor();
    expect(sentMethods).toHaveLength(1);
    await check(page, 'creator-add-payout-method-errors-phone');
    await dialog.getByLabel('Sort code').fill('04-00-04');
    await dialog.getByLabel('Account number').fill('4192 6819');
    // A wrong password is refused by the server and nothing is saved.
    await dialog.getByLabel('Your Glimmer password').fill('not-my-password');
    await dialog.getByRole('button', { name: 'Save payout method' }).click();
    await dialog.getByText('That password is not right. Nothing was saved.').waitFor();
    expect(sentMethods).toHaveLength(2);
    await dialog.getByLabel('Your Glimmer password').fill(creator.password);
    await dialog.getByRole('button', { name: 'Save payout method' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // What only the service can tell (the ABA checksum) comes back next to its field too.
    dialog = await addMethod('United States');
    await dialog.getByRole('radio', { name: 'Local bank transfer' }).check();
    await dialog.getByLabel('Account holder name').fill('Ada Lens');
    await dialog.getByLabel('ABA routing number').fill('021000022');
    await dialog.getByLabel('Account number').fill('000123456789');
    await dialog.getByLabel('Account type (checking or savings)').fill('checking');
    await dialog.getByLabel('Your Glimmer password').fill(creator.password);
    await dialog.getByRole('button', { name: 'Save payout method' }).click();
    await dialog.getByText('ABA routing number is not a valid ABA routing number').waitFor();
    expect(sentMethods).toHaveLength(4);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Saved masked as the server answers it; then made the preferred method.
    const bank = page.getByRole('article', { name: 'Local bank transfer' });
    await bank.getByText('••••6819').waitFor();
    expect(await bank.textContent()).not.toContain('41926819');
    await bank.getByText('04-00-04').waitFor();
    await bank.getByRole('button', { name: 'Make preferred' }).click();
    const confirm = page.getByRole('dialog', { name: 'Make preferred' });
    await confirm.getByText('Every payment will go to Local bank transfer from now on.').waitFor();
    await check(page, 'creator-make-preferred-phone');
    await confirm.getByLabel('Your Glimmer password').fill(creator.password);
    await confirm.getByRole('button', { name: 'Make preferred' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await bank.getByText('Preferred').waitFor();
    const preferredMail = await system.smtp.waitFor(
      creator.email,
      /Your preferred payout method changed/,
    );
    expect(preferredMail.text).toContain('••••6819');
    await payoneer.getByRole('button', { name: 'Make preferred' }).waitFor();
    await check(page, 'creator-payout-settings-methods-phone');
    const methods = await creator.api.get('/v1/me/payout-methods');
    expect(
      methods.body.data.map((m: { type: string; preferred: boolean }) => [m.type, m.preferred]),
    ).toEqual(
      expect.arrayContaining([
        ['payoneer', false],
        ['local_bank_transfer', true],
      ]),
    );

    // The offer email links to the offer; the creator reads the brief and the contract.
    const offerMail = await system.smtp.waitFor(creator.email, /made you an offer/);
    await page.goto(linkIn(offerMail.text, /\/offers\/[0-9a-f-]{36}/));
    await page.waitForURL(`**/offers/${offerId}`);
    await page.getByRole('heading', { name: 'Spring campaign photos', level: 1 }).waitFor();
    await page.getByText(fee).first().waitFor();
    await page.getByText('Acme Studios').first().waitFor();
    await page.getByText('SPRING-27').first().waitFor();
    const contract = page.getByLabel('Contract text');
    const shownText = (await contract.textContent())!;
    expect(shownText).toContain('COMMISSION AGREEMENT');
    expect(shownText).toContain('Creator: Ada Lens');
    expect(shownText).toContain('USD 1,500.00 (150000 minor units of USD)');
    await check(page, 'creator-offer-phone');

    // A signature needs the typed name; then it covers exactly the text shown.
    await page.getByRole('button', { name: 'Accept and sign' }).click();
    await page.getByText('Type your full name to sign the contract').waitFor();
    await page.getByLabel('Type your full name to sign').fill('Ada Lens');
    const [accepted] = await Promise.all([
      page.waitForResponse(
        (res) =>
          res.url().endsWith(`/v1/offers/${offerId}/accept`) && res.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Accept and sign' }).click(),
    ]);
    expect(accepted.status()).toBe(200);
    expect(accepted.request().headers()['idempotency-key']).toBeTruthy();
    const signed = await accepted.json();
    expect(signed.contract.sha256).toBe(sha256(shownText));
    // A retry of that click (same Idempotency-Key, same body) answers the same signature.
    const replayed = await creator.api.post(
      `/v1/offers/${offerId}/accept`,
      JSON.parse(accepted.request().postData()!),
      accepted.request().headers()['idempotency-key'],
    );
    expect(replayed.status).toBe(200);
    expect(replayed.body.contract).toEqual(signed.contract);
    await page.getByText('Contract signed').waitFor();
    await page.getByText(/You signed the contract as “Ada Lens” on /).waitFor();
    const projectLink = page.getByRole('link', { name: 'Open the project' });
    expect(await projectLink.getAttribute('href')).toBe(`/projects/${signed.project.id}`);
    await page.getByRole('button', { name: 'Accept and sign' }).waitFor({ state: 'detached' });
    await check(page, 'creator-offer-signed-phone');

    // Both complete (API); the invoice is issued to the brand.
    const projectId = signed.project.id as string;
    expect((await creator.api.post(`/v1/projects/${projectId}/complete`)).status).toBe(200);
    expect((await brand.api.post(`/v1/projects/${projectId}/complete`)).body.status).toBe(
      'completed',
    );
    const invoice = await eventually(async () => {
      const list = await brand.api.get('/v1/invoices');
      const found = list.body.data?.find((i: { projectId: string }) => i.projectId === projectId);
      expect(found).toBeDefined();
      return found;
    });

    // The brand applies credit; the payout is scheduled, and the Dashboard shows it expected.
    const paidInvoice = await brand.api.post(`/v1/invoices/${invoice.id}/apply-credit`, {
      costCodeId,
    });
    expect(paidInvoice.body.status).toBe('paid');
    const scheduled = await eventually(async () => {
      const payouts = await creator.api.get('/v1/me/payouts');
      expect(payouts.body.data).toEqual([
        expect.objectContaining({ projectId, status: 'scheduled' }),
      ]);
      return payouts.body.data[0];
    });
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL('**/dashboard');
    const nextPayment = page.getByRole('region', { name: 'Next expected payment' });
    await nextPayment.getByText(fee).waitFor();
    const expectedDate = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date(`${scheduled.expectedDate}T00:00:00Z`));
    await nextPayment.getByText(`by ${expectedDate}`).waitFor();
    expect(
      await page
        .getByText(
          'To avoid any delays, make sure you have added and selected your preferred payment method',
        )
        .count(),
    ).toBe(0);
    const projectLinks = page.getByRole('link', { name: 'Spring campaign photos' });
    await projectLinks.first().waitFor();
    for (const href of await projectLinks.evaluateAll((links) =>
      links.map((a) => a.getAttribute('href')),
    ))
      expect(href).toBe(`/projects/${projectId}`);
    await page.getByText(`Expected payment by ${expectedDate}`).waitFor();
    await check(page, 'creator-dashboard-expected-phone');

    // The payout goes out: the page polls and shows it Paid, without a reload.
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await page
      .getByRole('article', { name: `Payment of ${fee}` })
      .getByText('Paid', { exact: true })
      .waitFor({ timeout: 40_000 });
    await page.getByText('No payment scheduled').waitFor();
    expect(navigations).toEqual([]);
    const dashboard = await creator.api.get('/v1/me/dashboard');
    expect(dashboard.body).toMatchObject({ paidTotal: 150_000, pendingTotal: 0 });
    await check(page, 'creator-dashboard-paid-phone');

    // The same screens on a desktop, to look at (the layout, not new behaviour).
    await page.setViewportSize(DESKTOP);
    await page.getByRole('link', { name: 'Settings' }).waitFor(); // the navigation slides in
    await page.waitForTimeout(500);
    await screenshot(page, 'creator-dashboard-paid-desktop');
    await page.goto('/settings/payout');
    await page.getByRole('article', { name: 'Local bank transfer' }).waitFor();
    await screenshot(page, 'creator-payout-settings-desktop');
    await page.goto(`/offers/${offerId}`);
    await page.getByText('Contract signed').waitFor();
    await screenshot(page, 'creator-offer-signed-desktop');
    await context.close();
  });

  it('shows the brand where an offer stands, lets it withdraw an open one, and tells the creator it closed', async () => {
    const creator = await onboardCreator('Bo Frame');
    const offerId = await hire(creator.id, 'Autumn lookbook', 90_000);

    const brandContext = await newContext(browser, system.baseUrl, PHONE);
    const brandPage = await brandContext.newPage();
    await brandPage.goto('/login');
    const tag = /^admin-(.+)@brand\.test$/.exec(brand.adminEmail)![1];
    await logInThroughUi(brandPage, brand.adminEmail, `password-${tag}`);
    await brandPage.waitForURL('**/reports/credits');
    await brandPage.goto(`/offers/${offerId}`);
    await brandPage.getByRole('heading', { name: 'Autumn lookbook', level: 1 }).waitFor();
    await brandPage.getByText('Waiting for the creator to accept and sign, or decline.').waitFor();
    await brandPage.getByLabel('Contract text').waitFor();
    expect(await brandPage.getByRole('button', { name: 'Accept and sign' }).count()).toBe(0);
    await check(brandPage, 'brand-offer-open-phone');
    await brandPage.getByRole('button', { name: 'Withdraw offer' }).click();
    await brandPage
      .getByRole('dialog', { name: 'Withdraw this offer?' })
      .getByRole('button', { name: 'Withdraw offer' })
      .click();
    await brandPage.getByText('This offer is closed').waitFor();
    await brandPage.getByText(/You withdrew this offer on /).waitFor();
    await brandContext.close();

    const context = await newContext(browser, system.baseUrl, PHONE);
    const page = await context.newPage();
    await page.goto(`/offers/${offerId}`);
    await page.waitForURL(/\/login\?/);
    await logInThroughUi(page, creator.email, creator.password);
    await page.waitForURL(`**/offers/${offerId}`);
    await page.getByText(/Acme Studios withdrew this offer on /).waitFor();
    expect(await page.getByLabel('Type your full name to sign').count()).toBe(0);
    await check(page, 'creator-offer-withdrawn-phone');

    // A declined offer, declined by the creator after a confirmation.
    const second = await hire(creator.id, 'Winter teaser', 40_000);
    await page.goto(`/offers/${second}`);
    await page.getByRole('button', { name: 'Decline' }).click();
    await page
      .getByRole('dialog', { name: 'Decline this offer?' })
      .getByRole('button', { name: 'Decline offer' })
      .click();
    await page.getByText(/You declined this offer on /).waitFor();
    expect((await creator.api.get(`/v1/offers/${second}`)).body.status).toBe('declined');
    await context.close();
  });
});
