import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '@glimmer/testing/eventually';
import { Api } from '../e2e/support/http';
import { GlimmerSystem } from '../e2e/support/system';
import { logInThroughUi } from './support/brand-ui';
import { expectAccessible, launchBrowser, newContext, PHONE, screenshot } from './support/browser';
import {
  activeProject,
  addPayoutMethod,
  brandWithLogin,
  creatorInNetwork,
  fundedCostCode,
} from './support/invoices-setup';

const TITLE = 'Spring campaign photos';

/**
 * Seed 000 "Applying Credits to Invoices" and seed 001 "Get paid" in the browser: both parties
 * mark the project complete on its page, the invoice appears in Reports → Invoices, credit is
 * applied partially then in full through the Apply Credit pop-up, the list is filtered and
 * exported, and the creator's project page shows the payment.
 */
describe('web app: projects, Reports → Invoices and Apply Credit', () => {
  // Payouts go out 1.5 s after payment here, so the creator sees the payout move on.
  const system = new GlimmerSystem('web-invoices', { PAYOUT_DISPATCH_DELAY_MS: '1500' });
  let browser: Browser;

  beforeAll(async () => {
    await system.start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system.stop();
  });

  /** Drawers and pop-ups slide in and out (200 ms); screenshots wait for them to stop. */
  const settle = (page: Page) => page.waitForTimeout(400);

  /** axe on the page at rest: transitions finished (a fading drawer has no contrast yet). */
  const accessible = async (page: Page, name: string) => {
    await settle(page);
    await expectAccessible(page, name);
  };

  const logIn = async (page: Page, email: string, password: string) => {
    await page.goto('/login');
    await logInThroughUi(page, email, password);
    await page.waitForURL((url) => url.pathname !== '/login');
  };

  it('completes a project on both sides, then pays its invoice with credit in two parts', async () => {
    // Set-up through the API: credit that has cleared, a creator in the network, an active project.
    const anon = new Api(system.baseUrl);
    const brand = await brandWithLogin(anon, 'Acme Studios');
    const marketing = await fundedCostCode(anon, brand, 'MKT', 200_000);
    await fundedCostCode(anon, brand, 'TRAVEL', 100_000);
    const creator = await creatorInNetwork(system, anon, brand, 'Ada Lens');
    await addPayoutMethod(creator);
    const projectId = await activeProject(brand, creator, {
      title: TITLE,
      fee: 150_000,
      costCodeId: marketing,
      storyCode: 'SPRING-27',
    });

    // The brand finds the project and marks its side complete.
    const brandContext = await newContext(browser, system.baseUrl);
    const page = await brandContext.newPage();
    await logIn(page, brand.adminEmail, brand.password);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Projects' })
      .click();
    await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await page.mouse.move(0, 0); // the page at rest, not the hovered navigation link
    const listRow = page.getByRole('row').filter({ hasText: TITLE });
    await listRow.getByText('Ada Lens').waitFor();
    await listRow.getByText('$1,500.00').waitFor();
    await accessible(page, 'projects (brand)');
    await screenshot(page, 'invoices-01-projects-brand');

    await listRow.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**/projects/${projectId}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByText('Waiting for the creator').waitFor();
    await page.getByText('MKT — MKT budget').waitFor();
    await accessible(page, 'project (brand, active)');
    await screenshot(page, 'invoices-02-project-brand-active');
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByText(/^You marked it complete on /).waitFor();
    expect(await page.getByRole('button', { name: 'Mark complete' }).count()).toBe(0);

    // The creator, in their own browser on a phone, sees the brand's mark and completes too.
    const creatorContext = await newContext(browser, system.baseUrl, PHONE);
    const creatorPage = await creatorContext.newPage();
    await logIn(creatorPage, creator.email, creator.password);
    await creatorPage.goto('/projects');
    const creatorRow = creatorPage.getByRole('listitem').filter({ hasText: TITLE });
    await creatorRow.getByText('Waiting for you to mark it complete').waitFor();
    await accessible(creatorPage, 'projects (creator, phone)');
    await screenshot(creatorPage, 'invoices-03a-projects-creator-phone');
    await creatorRow.getByRole('link', { name: TITLE }).click();
    await creatorPage.waitForURL(`**/projects/${projectId}`);
    await creatorPage.getByText(/^Acme Studios marked it complete on /).waitFor();
    await creatorPage.getByText('Not due yet').waitFor();
    await accessible(creatorPage, 'project (creator, active)');
    await screenshot(creatorPage, 'invoices-03-project-creator-active');
    await creatorPage.getByRole('button', { name: 'Mark complete' }).click();
    await creatorPage.getByText(/^You marked it complete on /).waitFor();
    await creatorPage.getByText('Awaiting invoice payment').waitFor();

    // The brand's page notices by itself: the creator's mark, then the issued invoice.
    await page.getByText(/^Ada Lens marked it complete on /).waitFor();
    await page.getByRole('link', { name: 'View invoice' }).waitFor({ timeout: 30_000 });
    await page.getByText('Unpaid').waitFor();
    await screenshot(page, 'invoices-04-project-brand-completed');

    // The link opens the invoice's details on Reports → Invoices.
    await page.getByRole('link', { name: 'View invoice' }).click();
    await page.waitForURL(/\/reports\/invoices\?invoice=/);
    const invoiceId = new URL(page.url()).searchParams.get('invoice')!;
    const details = page.getByRole('dialog', { name: TITLE });
    await details.getByText('No credit applied yet.').waitFor();
    await settle(page);
    await screenshot(page, 'invoices-05-invoice-details-unpaid');
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });

    // The invoice row: project, cost code, story code, amounts, status, Apply Credit on the right.
    await page.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TITLE });
    for (const text of ['MKT', 'SPRING-27', 'Unpaid']) await row.getByText(text).first().waitFor();
    expect(await row.getByText('$1,500.00').count()).toBe(2); // amount and amount due
    await accessible(page, 'invoices');
    await screenshot(page, 'invoices-06-invoices-unpaid');

    // Apply Credit, partially: bad amounts are refused next to the field before anything is sent.
    await row.getByRole('button', { name: `Apply Credit to ${TITLE}` }).click();
    const popUp = page.getByRole('dialog', { name: 'Apply Credit' });
    const source = popUp.getByRole('combobox', { name: 'Cost code to draw from' });
    await source.waitFor();
    expect(await source.inputValue()).toBe('MKT — $2,000.00 available');
    await popUp.getByRole('radio', { name: 'Partial amount' }).check();
    const amount = popUp.getByRole('textbox', { name: 'Amount to pay' });
    await amount.fill('1,600');
    await popUp.getByRole('button', { name: 'Apply Credit' }).click();
    await popUp.getByText('That is more than the amount due ($1,500.00).').waitFor();
    await amount.fill('12.345');
    await popUp.getByRole('button', { name: 'Apply Credit' }).click();
    await popUp.getByText('Use at most 2 decimal places').waitFor();
    await amount.fill('500.00');
    await accessible(page, 'Apply Credit pop-up');
    await screenshot(page, 'invoices-07-apply-credit-partial');

    // Credit moves away while the pop-up is open: the server refuses (409), the reason shows
    // next to the field, nothing is paid, and the pop-up shows the credit left.
    const away = await brand.api.post('/v1/credit/transfers', {
      amount: 180_000,
      fromCostCodeId: marketing,
      toCostCode: { code: 'HOLD', name: 'Held aside' },
    });
    expect(away.status).toBe(201);
    await popUp.getByRole('button', { name: 'Apply Credit' }).click();
    await popUp.getByText(/^Not enough available credit: only \$200\.00 is available/).waitFor();
    await eventually(async () => expect(await source.inputValue()).toBe('MKT — $200.00 available'));
    await accessible(page, 'Apply Credit pop-up (refused)');
    await screenshot(page, 'invoices-07b-apply-credit-refused');
    expect((await brand.api.get(`/v1/invoices/${invoiceId}`)).body.amountPaid).toBe(0);
    await popUp.getByRole('button', { name: 'Cancel' }).click();
    const back = await brand.api.post('/v1/credit/transfers', {
      amount: 180_000,
      fromCostCodeId: away.body.toCostCodeId,
      toCostCodeId: marketing,
    });
    expect(back.status).toBe(201);

    // Opened again, the pop-up reads the credit afresh; the partial payment goes through.
    await row.getByRole('button', { name: `Apply Credit to ${TITLE}` }).click();
    await eventually(async () =>
      expect(await source.inputValue()).toBe('MKT — $2,000.00 available'),
    );
    await popUp.getByRole('radio', { name: 'Partial amount' }).check();
    await amount.fill('500.00');
    await popUp.getByRole('button', { name: 'Apply Credit' }).click();
    await popUp.waitFor({ state: 'hidden' });

    // The new amount due and the partial payment show on the invoice.
    await row.getByText('Partially paid').waitFor();
    await row.getByText('$1,000.00').waitFor();
    await row.getByText('$500.00').waitFor();
    await row.getByRole('button', { name: `1 payment on ${TITLE}` }).click();
    const payments = details.getByRole('table', { name: `Payments on ${TITLE}` });
    await payments.getByRole('row').filter({ hasText: 'MKT' }).getByText('$500.00').waitFor();
    await settle(page);
    await screenshot(page, 'invoices-08-invoice-details-partial');

    // Then the rest, in full, from another cost code (attached to the project on the way).
    await details.getByRole('button', { name: 'Apply Credit' }).click();
    await source.click();
    await page.getByRole('option', { name: 'TRAVEL — $1,000.00 available' }).click();
    await popUp.getByText(/TRAVEL is not attached to this project yet/).waitFor();
    await popUp.getByRole('radio', { name: 'Full amount due' }).check();
    await screenshot(page, 'invoices-09-apply-credit-full');
    await popUp.getByRole('button', { name: 'Apply Credit' }).click();
    await popUp.waitFor({ state: 'hidden' });
    await details.getByText('Paid in full').waitFor();
    await payments.getByRole('row').filter({ hasText: 'TRAVEL' }).getByText('$1,000.00').waitFor();
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });
    await row.getByText('Paid', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /Apply Credit/ }).count()).toBe(0);
    await settle(page);
    await screenshot(page, 'invoices-10-invoices-paid');

    // Filter by status: kept in the address; a deep link opens filtered.
    const filter = page.getByRole('radiogroup', { name: 'Show invoices' });
    await filter.getByText('Unpaid', { exact: true }).click();
    await page.waitForURL(/status=unpaid/);
    await page.getByText('No unpaid invoices.').waitFor();
    await page.goto('/reports/invoices?status=paid');
    await row.getByText('Paid', { exact: true }).waitFor();
    expect(await filter.getByRole('radio', { name: 'Paid', exact: true }).isChecked()).toBe(true);

    // Export the filtered list as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('invoices.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^invoice_id,project_id,title,/);
    expect(csv).toContain(
      `,${projectId},${TITLE},${marketing},SPRING-27,USD,1500.00,1500.00,0.00,paid,`,
    );

    // The same page on a phone: the filter is a Select there, the table scrolls sideways.
    const phoneContext = await newContext(browser, system.baseUrl, PHONE);
    const phone = await phoneContext.newPage();
    await logIn(phone, brand.adminEmail, brand.password);
    await phone.goto('/reports/invoices?status=paid');
    await phone.getByRole('heading', { name: 'Invoices', level: 1 }).waitFor();
    await phone.getByRole('row').filter({ hasText: TITLE }).waitFor();
    expect(await phone.getByRole('combobox', { name: 'Show invoices' }).inputValue()).toBe('Paid');
    await accessible(phone, 'invoices (phone)');
    await screenshot(phone, 'invoices-11-invoices-phone');
    await phoneContext.close();

    // The creator's project page shows the expected payment date and the payout moving on.
    await creatorPage.getByText(/^You will be paid by |^Paid on /).waitFor({ timeout: 30_000 });
    expect(await creatorPage.getByText('Not scheduled yet').count()).toBe(0);
    await creatorPage.getByText(/^Paid on /).waitFor({ timeout: 30_000 });
    await accessible(creatorPage, 'project (creator, paid)');
    await screenshot(creatorPage, 'invoices-12-project-creator-paid');

    await creatorContext.close();
    await brandContext.close();
  }, 300_000);
});
