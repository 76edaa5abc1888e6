import type { Browser, BrowserContext, Page } from 'playwright-core';
import { login, paymentArrived } from '../e2e/support/factories';
import { Api } from '../e2e/support/http';
import { GlimmerSystem } from '../e2e/support/system';
import { expectAccessible, launchBrowser, newContext, PHONE, screenshot } from './support/browser';
import { logInThroughUi, signUpThroughUi, type UiBrand } from './support/brand-ui';
import { balanceRow, dialog, invoiceTable, pick, total } from './support/credits-ui';

/**
 * Seed 000 in the browser: a brand adds credit to a new cost code, sees it pending and the
 * credit invoice unpaid, the payment provider pays it (the only thing done outside the page),
 * and the page shows it available without a reload; then transfer, an over-draw refused, a
 * credit cancelled (VOID email to finance) and a double-clicked Add Credit moving money once.
 */
describe('web app: Reports → Credits and Cost codes (seed 000)', () => {
  let system: GlimmerSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let brand: UiBrand;
  let brandApi: Api;

  beforeAll(async () => {
    system = await new GlimmerSystem('web-credits').start();
    browser = await launchBrowser();
    context = await newContext(browser, system.baseUrl);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  /** The brand's credit as the API reports it, to prove what moved (read only). */
  const credit = async () => (await brandApi.get('/v1/credit')).body;

  it('adds credit to a new cost code: pending, with an unpaid credit invoice', async () => {
    brand = await signUpThroughUi(page);
    const anon = new Api(system.baseUrl);
    brandApi = anon.as(await login(anon, brand.adminEmail, brand.password));
    await page.getByRole('heading', { name: 'Credits', level: 1 }).waitFor();
    await page.getByText('No cost code has credit yet').waitFor();
    await expectAccessible(page, 'credits (empty)');
    await screenshot(page, 'credits-01-empty');

    await page.getByRole('button', { name: 'Add Credit' }).click();
    const add = dialog(page, 'Add Credit');
    // No cost code exists yet, so the dialog starts on a new one.
    await add.getByLabel('New cost code').fill('MKT-2027');
    await add.getByLabel('Cost code name').fill('Marketing 2027');
    await add.getByLabel('Amount').fill('2,500.005');
    await add.getByRole('button', { name: 'Continue' }).click();
    await add.getByText('Use at most 2 decimal places').waitFor();
    await expectAccessible(page, 'add credit dialog');
    await screenshot(page, 'credits-02-add-credit-bad-amount');

    await add.getByLabel('Amount').fill('2,500.00');
    await add.getByRole('button', { name: 'Continue' }).click();
    await add.getByText('Add $2,500.00 to MKT-2027 — Marketing 2027?').waitFor();
    await add.getByText('MKT-2027 is created as a new cost code.').waitFor();
    await screenshot(page, 'credits-03-add-credit-confirm');
    await add.getByRole('button', { name: 'Add Credit' }).click();
    await add.waitFor({ state: 'detached' });

    const notice = page.getByRole('status').filter({ hasText: '$2,500.00 of credit is pending' });
    await notice.getByText(/Pending until your funds clear/).waitFor();
    await notice.getByText(/emailed to your finance contact/).waitFor();
    await total(page, 'Pending credit').getByText('$2,500.00').waitFor();
    await total(page, 'Available credit').getByText('$0.00').waitFor();
    const mkt = balanceRow(page, 'MKT-2027');
    await mkt.getByRole('cell', { name: '$2,500.00' }).waitFor();
    await mkt.getByRole('cell', { name: '$0.00' }).waitFor();
    const unpaidRow = invoiceTable(page, 'Unpaid').getByRole('row').filter({ hasText: 'MKT-2027' });
    await unpaidRow.getByText('Unpaid').waitFor();
    await unpaidRow.getByText('$2,500.00').waitFor();
    await expectAccessible(page, 'credits (pending)');
    await screenshot(page, 'credits-04-pending');
  });

  it('shows the credit available and the invoice paid once funds arrive, without a reload', async () => {
    const unpaid = (await brandApi.get('/v1/credit-invoices?status=unpaid')).body.data;
    expect(unpaid).toHaveLength(1);
    // The payment provider's signed notice: the one step the page cannot take.
    expect(
      (
        await paymentArrived(new Api(system.baseUrl), {
          ...unpaid[0],
          creditInvoiceId: unpaid[0].id,
        })
      ).status,
    ).toBe(202);

    await total(page, 'Available credit').getByText('$2,500.00').waitFor({ timeout: 30_000 });
    await total(page, 'Pending credit').getByText('$0.00').waitFor();
    const paidRow = invoiceTable(page, 'Paid').getByRole('row').filter({ hasText: 'MKT-2027' });
    await paidRow.getByText('Paid', { exact: true }).waitFor();
    await page.getByText('No unpaid credit invoices.').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: '$2,500.00 of credit is available' })
      .waitFor();
    // A paid credit invoice cannot be deleted: no delete button anywhere.
    expect(await page.getByRole('button', { name: /Delete credit invoice/ }).count()).toBe(0);
    await screenshot(page, 'credits-05-available');
  });

  it('transfers part of the credit to a new cost code', async () => {
    await page.getByRole('button', { name: 'Transfer Credit' }).click();
    const transfer = dialog(page, 'Transfer Credit');
    await pick(transfer, 'Destination cost code', 'New cost code…');
    await transfer.getByLabel('New cost code').fill('EVT-2027');
    await transfer.getByLabel('Cost code name').fill('Events 2027');
    await pick(transfer, 'Origin cost code', /MKT-2027 — Marketing 2027/);
    await transfer.getByText('Up to $2,500.00 (available on MKT-2027)').waitFor();
    await transfer.getByLabel('Amount').fill('500');
    await expectAccessible(page, 'transfer credit dialog');
    await screenshot(page, 'credits-06-transfer');
    await transfer.getByRole('button', { name: 'Submit Transfer' }).click();
    await transfer.waitFor({ state: 'detached' });

    await page
      .getByRole('status')
      .getByText('$500.00 moved from MKT-2027 — Marketing 2027 to EVT-2027 — Events 2027.')
      .waitFor();
    await balanceRow(page, 'EVT-2027').getByRole('cell', { name: '$500.00' }).waitFor();
    await balanceRow(page, 'MKT-2027').getByRole('cell', { name: '$2,000.00' }).waitFor();
    await total(page, 'Available credit').getByText('$2,500.00').waitFor();
    await screenshot(page, 'credits-07-transferred');
  });

  it('refuses to send more than the available credit, and nothing moves', async () => {
    const before = await credit();
    await page.getByRole('button', { name: 'Transfer Credit' }).click();
    const transfer = dialog(page, 'Transfer Credit');
    await pick(transfer, 'Destination cost code', /EVT-2027 — Events 2027/);
    await pick(transfer, 'Origin cost code', /MKT-2027 — Marketing 2027/);
    // The page refuses more than the origin's available credit before sending anything.
    await transfer.getByLabel('Amount').fill('5,000');
    await transfer.getByRole('button', { name: 'Submit Transfer' }).click();
    await transfer
      .getByText('Only $2,000.00 is available on MKT-2027.', { exact: false })
      .waitFor();
    await screenshot(page, 'credits-08-overdraw-refused');
    expect(await credit()).toEqual(before);

    // The server refuses too, when the page's figures are out of date: another tab of the same
    // brand moves most of MKT-2027's credit while this dialog is open.
    await transfer.getByLabel('Amount').fill('1,000');
    const other = await context.newPage();
    await other.goto('/reports/credits');
    await other.getByRole('button', { name: 'Transfer Credit' }).click();
    const otherTransfer = dialog(other, 'Transfer Credit');
    await pick(otherTransfer, 'Destination cost code', /EVT-2027 — Events 2027/);
    await pick(otherTransfer, 'Origin cost code', /MKT-2027 — Marketing 2027/);
    await otherTransfer.getByLabel('Amount').fill('1,900');
    await otherTransfer.getByRole('button', { name: 'Submit Transfer' }).click();
    await otherTransfer.waitFor({ state: 'detached' });
    await other.close();
    const afterOther = await credit();

    await transfer.getByRole('button', { name: 'Submit Transfer' }).click();
    await transfer
      .getByText(
        'Only $100.00 is available on MKT-2027 now (it changed since this page loaded). Nothing was moved.',
      )
      .waitFor();
    await screenshot(page, 'credits-08b-overdraw-refused-by-server');
    await transfer.getByRole('button', { name: 'Cancel' }).click();
    await transfer.waitFor({ state: 'detached' });

    expect(await credit()).toEqual(afterOther);
    await balanceRow(page, 'MKT-2027').getByRole('cell', { name: '$100.00' }).waitFor();
    await balanceRow(page, 'EVT-2027').getByRole('cell', { name: '$2,400.00' }).waitFor();
    await total(page, 'Available credit').getByText('$2,500.00').waitFor();
  });

  it('cancels an unpaid credit: the invoice is VOID and finance is emailed', async () => {
    await page.getByRole('button', { name: 'Add Credit' }).click();
    const add = dialog(page, 'Add Credit');
    await pick(add, 'Destination cost code', /EVT-2027 — Events 2027/);
    await add.getByText('Available $2,400.00 · Pending $0.00').waitFor();
    await add.getByLabel('Amount').fill('300');
    await add.getByRole('button', { name: 'Continue' }).click();
    await add.getByText('Add $300.00 to EVT-2027 — Events 2027?').waitFor();
    await add.getByRole('button', { name: 'Add Credit' }).click();
    await add.waitFor({ state: 'detached' });
    await total(page, 'Pending credit').getByText('$300.00').waitFor();

    await page
      .getByRole('button', { name: /Delete credit invoice for \$300\.00 to EVT-2027/ })
      .click();
    const confirm = dialog(page, 'Delete this credit invoice?');
    await confirm
      .getByText('$300.00 of pending credit will be removed from EVT-2027 — Events 2027.')
      .waitFor();
    await expectAccessible(page, 'cancel credit dialog');
    await screenshot(page, 'credits-09-cancel-credit');
    await confirm.getByRole('button', { name: 'Cancel credit' }).click();
    await confirm.waitFor({ state: 'detached' });

    const notice = page.getByRole('status').filter({ hasText: 'The credit invoice is now VOID' });
    await notice
      .getByText(/We have emailed your finance contact that the credit invoice is VOID/)
      .waitFor();
    await total(page, 'Pending credit').getByText('$0.00').waitFor();
    await page.getByText('No unpaid credit invoices.').waitFor();
    const mail = await system.smtp.waitFor(brand.financeEmail, /VOID/);
    expect(mail.text).toContain('300.00');
    expect(mail.text).toContain('EVT-2027');
    await screenshot(page, 'credits-10-void-notice');
  });

  it('moves money once when the final Add Credit button is double-clicked', async () => {
    await page.getByRole('button', { name: 'Add Credit' }).click();
    const add = dialog(page, 'Add Credit');
    await pick(add, 'Destination cost code', /MKT-2027 — Marketing 2027/);
    await add.getByLabel('Amount').fill('100');
    await add.getByRole('button', { name: 'Continue' }).click();
    await add.getByRole('button', { name: 'Add Credit' }).dblclick();
    await add.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: '$100.00 of credit is pending' }).waitFor();
    await total(page, 'Pending credit').getByText('$100.00').waitFor();
    // Give a second request time to land, if one had been sent.
    await page.waitForTimeout(1_000);
    expect(await credit()).toMatchObject({ pending: 10_000, available: 250_000 });
    const unpaid = (await brandApi.get('/v1/credit-invoices?status=unpaid')).body.data;
    expect(unpaid).toHaveLength(1);
    await screenshot(page, 'credits-11-double-click-once');
  });

  it('fits a phone', async () => {
    const phone = await newContext(browser, system.baseUrl, PHONE);
    const small = await phone.newPage();
    await small.goto('/reports/credits');
    await logInThroughUi(small, brand.adminEmail, brand.password);
    await small.waitForURL('**/reports/credits');
    await total(small, 'Available credit').getByText('$2,500.00').waitFor();
    await expectAccessible(small, 'credits (phone)');
    await screenshot(small, 'credits-12-phone');
    await phone.close();
  });

  it('creates a cost code on the Cost codes page, and explains a duplicate code', async () => {
    await page.getByRole('link', { name: 'Cost codes' }).click();
    await page.getByRole('heading', { name: 'Cost codes', level: 1 }).waitFor();
    const list = page.getByRole('table', { name: 'Your cost codes' });
    await list.getByRole('row').filter({ hasText: 'MKT-2027' }).waitFor();

    await page.getByRole('textbox', { name: 'Code', exact: true }).fill('OPS-2027');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Operations 2027');
    await page.getByRole('button', { name: 'Create cost code' }).click();
    const ops = list.getByRole('row').filter({ hasText: 'OPS-2027' });
    await ops.getByText('Operations 2027').waitFor();
    await ops.getByRole('cell', { name: '$0.00' }).first().waitFor();

    await page.getByRole('textbox', { name: 'Code', exact: true }).fill('MKT-2027');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Another marketing');
    await page.getByRole('button', { name: 'Create cost code' }).click();
    await page
      .getByText('That code is already used by another cost code.', { exact: false })
      .waitFor();
    await expectAccessible(page, 'cost codes');
    await screenshot(page, 'credits-13-cost-codes');
  });

  it('shows the cost codes with credit 50 at a time, and the rest on Show more cost codes', async () => {
    const { body } = await brandApi.get('/v1/credit?withCredit=true');
    const origin = body.costCodes.find((c: { code: string }) => c.code === 'MKT-2027');
    for (let i = 0; i < 50; i++) {
      const res = await brandApi.post('/v1/credit/transfers', {
        amount: 1,
        fromCostCodeId: origin.id,
        toCostCode: { code: `PAGE-${String(i).padStart(2, '0')}`, name: `Paged ${i}` },
      });
      expect(res.status).toBe(201);
    }
    const withCredit = (await brandApi.get('/v1/credit?withCredit=true')).body.costCodes;
    expect(withCredit.length).toBeGreaterThan(50);

    await page.getByRole('link', { name: 'Credits' }).click();
    const table = page.getByRole('table', { name: 'Cost codes with credit' });
    // By code, 50 a page: EVT-2027, MKT-2027 and PAGE-00 … PAGE-47 first.
    await balanceRow(page, 'PAGE-47').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(50);
    expect(await balanceRow(page, 'PAGE-48').count()).toBe(0);
    await page
      .getByRole('region', { name: 'Cost codes with credit' })
      .getByRole('button', { name: 'Show more cost codes' })
      .click();
    await balanceRow(page, withCredit.at(-1).code).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(withCredit.length);
    // The totals are the brand's, not the page's.
    expect((await brandApi.get('/v1/credit')).body).toMatchObject({
      available: body.available,
      pending: body.pending,
    });
    await total(page, 'Available credit').getByText('$2,500.00').waitFor();
    await screenshot(page, 'credits-14-show-more');
  });
});
