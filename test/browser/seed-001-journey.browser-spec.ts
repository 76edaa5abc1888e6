import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { login, paymentArrived } from '../e2e/support/factories';
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
import { newBrandDetails, signUpThroughUi } from './support/brand-ui';
import { dialog, total } from './support/credits-ui';
import { PHOTO_PNG } from './support/files';

const TITLE = 'Spring campaign photos';
const FEE = '$1,500.00';

/** The first link in an email whose path matches `path`, opened on this system. */
function linkIn(system: GlimmerSystem, text: string, path: RegExp): string {
  const found = new RegExp(`https?://[^\\s/]+(${path.source}[^\\s]*)`).exec(text);
  if (!found) throw new Error(`no link matching ${path} in:\n${text}`);
  return `${system.baseUrl}${found[1]}`;
}

async function addTag(page: Page, label: string, value: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/**
 * Seed 001 ("Getting Invited to Glimmer by a Client") end to end, through clicks and typing
 * only, with the brand's side from seed 000 where the story needs it: the brand invites; the
 * creator opens the link in the invite email, creates the account and the whole profile, adds a
 * payout method and makes it preferred; the brand hires from My Network; the creator opens the
 * offer from the offer email, reads the contract and signs; both complete; the brand applies
 * credit; the creator sees the expected payment date, then the payout paid. The test plays only
 * the payment provider (the signed webhook) and reads the emails from the SMTP capture.
 */
describe('web app: the seed-001 journey, from the invite email to a paid payout', () => {
  let system: GlimmerSystem;
  let browser: Browser;

  beforeAll(async () => {
    // The payout goes out 8 s after the invoice is paid, so the test sees it paid.
    system = await new GlimmerSystem('web-journey', { PAYOUT_DISPATCH_DELAY_MS: '8000' }).start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('walks the whole journey in two browsers', async () => {
    const anon = new Api(system.baseUrl);
    const brandContext = await newContext(browser, system.baseUrl, DESKTOP);
    const brandPage = await brandContext.newPage();
    const creatorContext = await newContext(browser, system.baseUrl, PHONE);
    const creatorPage = await creatorContext.newPage();
    const creatorEmail = `ada-${randomUUID().slice(0, 8)}@creator.test`;

    // The brand signs up and buys credit; the payment provider confirms the funds.
    const brandDetails = await signUpThroughUi(brandPage, {
      ...newBrandDetails(),
      name: 'Acme Studios',
    });
    await brandPage.getByRole('button', { name: 'Add Credit' }).click();
    const add = dialog(brandPage, 'Add Credit');
    await add.getByLabel('New cost code').fill('MKT');
    await add.getByLabel('Cost code name').fill('Marketing');
    await add.getByLabel('Amount').fill('2,000.00');
    await add.getByRole('button', { name: 'Continue' }).click();
    await add.getByRole('button', { name: 'Add Credit' }).click();
    await add.waitFor({ state: 'detached' });
    await total(brandPage, 'Pending credit').getByText('$2,000.00').waitFor();
    const brandApi = anon.as(await login(anon, brandDetails.adminEmail, brandDetails.password));
    const [creditInvoice] = (await brandApi.get('/v1/credit-invoices?status=unpaid')).body.data;
    expect(
      (await paymentArrived(anon, { ...creditInvoice, creditInvoiceId: creditInvoice.id })).status,
    ).toBe(202);
    await total(brandPage, 'Available credit').getByText('$2,000.00').waitFor({ timeout: 30_000 });

    // 1. The brand invites the creator from My Network.
    await brandPage.getByRole('link', { name: 'My Network' }).click();
    await brandPage.getByRole('button', { name: 'Invite creator' }).click();
    const inviteDialog = brandPage.getByRole('dialog', { name: 'Invite creator' });
    await inviteDialog.getByLabel('Creator’s email').fill(creatorEmail);
    await inviteDialog.getByRole('button', { name: 'Send invite' }).click();
    await screenshot(brandPage, 'journey-01-brand-invited');

    // 2. The creator opens the link in the invite email and creates the account.
    const inviteMail = await system.smtp.waitFor(creatorEmail, /invited you to Glimmer/);
    await creatorPage.goto(linkIn(system, inviteMail.text, /\/invites\/accept\?token=/));
    await creatorPage
      .getByRole('heading', { level: 1, name: 'Acme Studios invited you to Glimmer' })
      .waitFor();
    await expectAccessible(creatorPage, 'journey: accept invite');
    await creatorPage.getByLabel('Your name').fill('Ada Lens');
    await creatorPage
      .getByRole('textbox', { name: 'Password', exact: true })
      .fill('a long creator password');
    await creatorPage.getByRole('button', { name: 'Create account and join Acme Studios' }).click();

    // 3. The guided profile, every page: basics, photo, a work sample, professional setup.
    await creatorPage.waitForURL('**/onboarding/basics');
    await creatorPage.getByLabel('Display name').fill('Ada Lens Studio');
    await creatorPage.getByLabel('Bio').fill('Product and fashion photographer.');
    await creatorPage.getByRole('button', { name: 'Save and continue' }).click();
    await creatorPage.waitForURL('**/onboarding/photo');
    const [chooser] = await Promise.all([
      creatorPage.waitForEvent('filechooser'),
      creatorPage.getByRole('button', { name: 'Profile photo', exact: true }).click(),
    ]);
    await chooser.setFiles({ name: 'ada.png', mimeType: 'image/png', buffer: PHOTO_PNG });
    await creatorPage.getByRole('img', { name: 'Preview of your new photo' }).waitFor();
    await creatorPage.getByRole('button', { name: 'Upload and continue' }).click();
    await creatorPage.waitForURL('**/onboarding/samples');
    await creatorPage.getByLabel('Title').fill('Autumn lookbook');
    await creatorPage
      .getByRole('textbox', { name: 'Link' })
      .fill('https://portfolio.example/autumn');
    await creatorPage.getByRole('button', { name: 'Add link' }).click();
    await creatorPage
      .getByRole('region', { name: 'Your samples' })
      .getByRole('link', { name: 'Autumn lookbook' })
      .waitFor();
    await creatorPage.getByRole('button', { name: 'Continue' }).click();
    await creatorPage.waitForURL('**/onboarding/setup');
    await addTag(creatorPage, 'Equipment', 'Sony A7 IV');
    await addTag(creatorPage, 'Skills', 'Photography');
    await addTag(creatorPage, 'Languages', 'English');
    await creatorPage.getByRole('combobox', { name: 'Country' }).fill('United King');
    await creatorPage.getByRole('option', { name: 'United Kingdom' }).click();
    await creatorPage.getByLabel('City').fill('London');
    await creatorPage.getByRole('button', { name: 'Save and finish' }).click();
    await creatorPage.waitForURL('**/profile');
    await creatorPage.getByText('London, United Kingdom').waitFor();
    await screenshot(creatorPage, 'journey-02-creator-profile');

    // 4. Settings → Payout → Add payout method (from the account menu), made preferred.
    await creatorPage.getByRole('button', { name: /Account menu/ }).click();
    await creatorPage.getByRole('menuitem', { name: 'Settings' }).click();
    await creatorPage.waitForURL('**/settings/payout');
    const addMethod = async (
      method: string,
      fill: (d: ReturnType<typeof dialog>) => Promise<void>,
    ) => {
      await creatorPage.getByRole('button', { name: 'Add payout method' }).click();
      const methodDialog = dialog(creatorPage, 'Add payout method');
      await methodDialog
        .getByRole('combobox', { name: 'Country of residence' })
        .fill('United Kingdom');
      await creatorPage.getByRole('option', { name: 'United Kingdom', exact: true }).click();
      await methodDialog.getByRole('radio', { name: method }).check();
      await fill(methodDialog);
      // Where the money goes changes only with the account's password.
      await methodDialog.getByLabel('Your Glimmer password').fill('a long creator password');
      await methodDialog.getByRole('button', { name: 'Save payout method' }).click();
      await methodDialog.waitFor({ state: 'detached' });
    };
    await addMethod('Payoneer', (d) =>
      d.getByLabel('Payoneer account email').fill('ada@payoneer.test'),
    );
    await addMethod('Local bank transfer', async (d) => {
      await d.getByLabel('Account holder name').fill('Ada Lens');
      await d.getByLabel('Sort code').fill('04-00-04');
      await d.getByLabel('Account number').fill('41926819');
    });
    const bank = creatorPage.getByRole('article', { name: 'Local bank transfer' });
    await bank.getByText('••••6819').waitFor();
    await bank.getByRole('button', { name: 'Make preferred' }).click();
    const confirm = dialog(creatorPage, 'Make preferred');
    await confirm.getByLabel('Your Glimmer password').fill('a long creator password');
    await confirm.getByRole('button', { name: 'Make preferred' }).click();
    await bank.getByText('Preferred').waitFor();
    await expectAccessible(creatorPage, 'journey: payout settings');
    await screenshot(creatorPage, 'journey-03-creator-payout-method');

    // 5. The brand sees the creator in My Network and hires them.
    await brandPage.reload();
    const card = brandPage.getByRole('article', { name: 'Ada Lens Studio' });
    await card.getByText('Photography', { exact: true }).waitFor({ timeout: 20_000 });
    await card.getByText('London, United Kingdom').waitFor();
    await card.getByRole('link', { name: 'Ada Lens Studio', exact: true }).click();
    await brandPage.getByRole('button', { name: 'Hire', exact: true }).click();
    const hire = brandPage.getByRole('dialog', { name: 'Hire Ada Lens Studio' });
    await hire.getByLabel('Title').fill(TITLE);
    await hire.getByLabel('Brief').fill('12 edited photos of the spring collection, web sizes.');
    await hire.getByLabel('Fee').fill('1,500.00');
    await hire.getByLabel('Due date').fill(inDays(30));
    await hire.getByLabel('Due date').press('Tab');
    await hire.getByRole('combobox', { name: 'Cost code' }).click();
    await brandPage.getByRole('option', { name: 'MKT — Marketing' }).click();
    await hire.getByLabel('Story code').fill('SPRING-27');
    await hire.getByRole('button', { name: 'Send offer' }).click();
    await brandPage.getByRole('alert').filter({ hasText: 'Offer sent' }).waitFor();
    await screenshot(brandPage, 'journey-04-brand-hired');

    // 6. The creator opens the offer from the offer email, reads the contract and signs.
    const offerMail = await system.smtp.waitFor(creatorEmail, /made you an offer/);
    await creatorPage.goto(linkIn(system, offerMail.text, /\/offers\/[0-9a-f-]{36}/));
    await creatorPage.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const contract = await creatorPage.getByLabel('Contract text').textContent();
    expect(contract).toContain('Ada Lens');
    expect(contract).toContain('Acme Studios');
    await creatorPage.getByLabel('Type your full name to sign').fill('Ada Lens');
    await creatorPage.getByRole('button', { name: 'Accept and sign' }).click();
    await creatorPage.getByText('Contract signed').waitFor();
    await screenshot(creatorPage, 'journey-05-creator-signed');

    // 7. Both mark the project complete.
    await creatorPage.getByRole('link', { name: 'Open the project' }).click();
    await creatorPage.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await creatorPage.getByRole('button', { name: 'Mark complete' }).click();
    await creatorPage.getByText(/^You marked it complete on /).waitFor();
    await brandPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Projects' })
      .click();
    await brandPage
      .getByRole('row')
      .filter({ hasText: TITLE })
      .getByRole('link', { name: TITLE })
      .click();
    await brandPage.getByRole('button', { name: 'Mark complete' }).click();
    await brandPage.getByText(/^You marked it complete on /).waitFor();

    // 8. The brand applies credit to the project invoice, in full.
    await brandPage.getByRole('link', { name: 'View invoice' }).waitFor({ timeout: 30_000 });
    await brandPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Invoices' })
      .click();
    const row = brandPage.getByRole('row').filter({ hasText: TITLE });
    await row.getByRole('button', { name: `Apply Credit to ${TITLE}` }).click();
    const popUp = brandPage.getByRole('dialog', { name: 'Apply Credit' });
    await popUp.getByRole('radio', { name: 'Full amount due' }).check();
    await popUp.getByRole('button', { name: 'Apply Credit' }).click();
    await popUp.waitFor({ state: 'detached' });
    await row.getByText('Paid', { exact: true }).waitFor();
    await screenshot(brandPage, 'journey-06-brand-paid-invoice');

    // 9. The creator sees the expected payment date on the project page and the Dashboard…
    await creatorPage.reload();
    await creatorPage.getByText(/^You will be paid by |^Paid on /).waitFor({ timeout: 30_000 });
    await creatorPage.getByRole('button', { name: 'Open navigation' }).click();
    await creatorPage.getByRole('link', { name: 'Dashboard' }).click();
    await creatorPage.waitForURL('**/dashboard');
    const expected = creatorPage.getByText(/^Expected payment by |^Paid on /).first();
    await expected.waitFor();
    await expectAccessible(creatorPage, 'journey: dashboard');
    await screenshot(creatorPage, 'journey-07-creator-dashboard-expected');

    // …then the payout as paid, without a reload.
    await creatorPage
      .getByRole('article', { name: `Payment of ${FEE}` })
      .getByText('Paid', { exact: true })
      .waitFor({ timeout: 60_000 });
    await screenshot(creatorPage, 'journey-08-creator-dashboard-paid');
    await brandContext.close();
    await creatorContext.close();
  }, 300_000);
});
