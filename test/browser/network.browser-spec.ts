import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { eventually } from '@glimmer/testing/eventually';
import { login } from '../e2e/support/factories';
import { Api } from '../e2e/support/http';
import { GlimmerSystem } from '../e2e/support/system';
import { expectAccessible, launchBrowser, newContext, PHONE, screenshot } from './support/browser';
import { logInThroughUi, signUpThroughUi } from './support/brand-ui';
import { acceptAndFillProfile, inviteTokenFor } from './support/network-creator';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The page's images, as the page sees them (this file is compiled without the DOM's types). */
type PageImages = { document: { images: ArrayLike<{ complete: boolean; naturalWidth: number }> } };

/** Waits until every image on the page has loaded (photos come from /v1/files with the cookie). */
async function imagesLoaded(page: Page) {
  // A function, not a string: the app's CSP forbids evaluating strings in the page.
  await page.waitForFunction(() =>
    Array.from((globalThis as unknown as PageImages).document.images).every(
      (img) => img.complete && img.naturalWidth > 0,
    ),
  );
}

/** A dialog, once its opening transition is over (so the screenshot shows it). */
async function openDialog(page: Page, name: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await page.waitForTimeout(400);
  return dialog;
}

/** The invites table's row for `email`. */
const inviteRow = (page: Page, email: string): Locator =>
  page.getByRole('row').filter({ hasText: email });

// One long journey through many screens, on a machine shared with other test runs.
jest.setTimeout(300_000);

describe('web app: My Network, Hire and Offers (seed 001, the brand’s side)', () => {
  let system: GlimmerSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await new GlimmerSystem('web-network').start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('invites a creator, sees them in My Network, hires them, and follows the offers', async () => {
    const context = await newContext(browser, system.baseUrl);
    const page = await context.newPage();
    const brand = await signUpThroughUi(page);
    const anon = new Api(system.baseUrl);
    const brandApi = anon.as(await login(anon, brand.adminEmail, brand.password));
    const costCode = await brandApi.post('/v1/cost-codes', { code: 'MKT', name: 'Marketing' });
    expect(costCode.status).toBe(201);

    // My Network, empty.
    await page.getByRole('link', { name: 'My Network' }).click();
    await page.getByRole('heading', { name: 'My Network', level: 1 }).waitFor();
    await page.getByText('No creators yet.').waitFor();
    await expectAccessible(page, 'my network (empty)');
    await screenshot(page, 'network-1-empty');

    // Invite creator: a bad address is caught next to the field, nothing is sent.
    const adaEmail = `ada-${randomUUID().slice(0, 8)}@creator.test`;
    await page.getByRole('button', { name: 'Invite creator' }).click();
    const inviteDialog = page.getByRole('dialog', { name: 'Invite creator' });
    await inviteDialog.getByLabel('Creator’s email').fill('not-an-email');
    await inviteDialog.getByRole('button', { name: 'Send invite' }).click();
    await inviteDialog.getByText('Enter the creator’s email address').waitFor();
    await expectAccessible(page, 'invite creator form');
    await screenshot(page, 'network-2-invite-form-error');
    await inviteDialog.getByLabel('Creator’s email').fill(adaEmail);
    await inviteDialog.getByLabel('Personal message').fill('We loved your autumn lookbook.');
    await inviteDialog.getByRole('button', { name: 'Send invite' }).click();
    await inviteDialog.waitFor({ state: 'hidden' });
    await inviteRow(page, adaEmail).getByText('Sent', { exact: true }).waitFor();

    // The creator reads the email, accepts and fills a profile (their pages are another task).
    const token = await inviteTokenFor(system, adaEmail, brand.name);
    const ada = await acceptAndFillProfile(system, token, adaEmail);

    // A second invite: resend (a new email with a new link), then revoke after confirming.
    const otherEmail = `other-${randomUUID().slice(0, 8)}@creator.test`;
    await page.getByRole('button', { name: 'Invite creator' }).click();
    await inviteDialog.getByLabel('Creator’s email').fill(otherEmail);
    await inviteDialog.getByRole('button', { name: 'Send invite' }).click();
    await inviteDialog.waitFor({ state: 'hidden' });
    const otherRow = inviteRow(page, otherEmail);
    await otherRow.getByText('Sent', { exact: true }).waitFor();
    await inviteTokenFor(system, otherEmail, brand.name);
    await otherRow.getByRole('button', { name: `Resend invite to ${otherEmail}` }).click();
    await page.getByText('Invite sent again').waitFor();
    await eventually(() =>
      expect(system.smtp.messages.filter((m) => m.to.includes(otherEmail))).toHaveLength(2),
    );
    await otherRow.getByRole('button', { name: `Revoke invite to ${otherEmail}` }).click();
    const revokeDialog = await openDialog(page, 'Revoke invite?');
    await revokeDialog.getByText(otherEmail).waitFor();
    await screenshot(page, 'network-3-revoke-confirmation');
    await revokeDialog.getByRole('button', { name: 'Revoke invite' }).click();
    await revokeDialog.waitFor({ state: 'hidden' });
    await otherRow.getByText('Revoked', { exact: true }).waitFor();

    // Ada appears in My Network (the page looks again while invites are out) with her profile.
    const card = page.getByRole('article', { name: 'Ada Lens Studio' });
    await card.waitFor({ timeout: 30_000 });
    await card.getByText('Berlin, Germany').waitFor();
    await card.getByText('Photography', { exact: true }).waitFor();
    const sampleLink = card.getByRole('link', { name: /Autumn lookbook/ });
    expect(await sampleLink.getAttribute('href')).toBe('https://portfolio.example/autumn');
    expect(await sampleLink.getAttribute('target')).toBe('_blank');
    await card.getByRole('link', { name: /Studio still life/ }).waitFor();
    await inviteRow(page, adaEmail).getByText('Accepted', { exact: true }).waitFor();
    await imagesLoaded(page);
    await expectAccessible(page, 'my network');
    await screenshot(page, 'network-4-in-network');

    // The creator's profile.
    await card.getByRole('link', { name: 'Ada Lens Studio', exact: true }).click();
    await page.waitForURL(`**/network/creators/${ada.creatorId}`);
    await page.getByRole('heading', { name: 'Ada Lens Studio', level: 1 }).waitFor();
    await page.getByText('Product and fashion photographer.').waitFor();
    for (const text of ['Retouching', 'German', 'Sony A7 IV', 'DJI Mini 4'])
      await page.getByText(text, { exact: true }).waitFor();
    await page.getByRole('img', { name: 'Studio still life' }).waitFor();
    await page.getByRole('img', { name: 'Photo of Ada Lens Studio' }).waitFor();
    expect(await page.getByRole('link', { name: /Autumn lookbook/ }).getAttribute('target')).toBe(
      '_blank',
    );
    await imagesLoaded(page);
    await expectAccessible(page, 'creator profile');
    await screenshot(page, 'network-5-creator-profile');

    // Hire: the form checks every field before anything is sent.
    await page.getByRole('button', { name: 'Hire', exact: true }).click();
    const hire = page.getByRole('dialog', { name: 'Hire Ada Lens Studio' });
    await hire.getByRole('button', { name: 'Send offer' }).click();
    await hire.getByText('Enter a title').waitFor();
    await hire.getByText('Enter an amount').waitFor();
    await hire.getByText('Choose the due date').waitFor();
    await hire.getByText('Choose the cost code this work is paid from').waitFor();
    await hire.getByLabel('Fee').fill('1,500.999');
    await hire.getByRole('button', { name: 'Send offer' }).click();
    await hire.getByText('Use at most 2 decimal places').waitFor();
    await expectAccessible(page, 'hire form (errors)');
    await screenshot(page, 'network-6-hire-errors');

    const fillOffer = async (title: string, fee: string) => {
      await hire.getByLabel('Title').fill(title);
      await hire.getByLabel('Brief').fill('12 edited photos of the spring collection, web sizes.');
      await hire.getByLabel('Fee').fill(fee);
      await hire.getByLabel('Due date').fill(inDays(45));
      await hire.getByLabel('Due date').press('Tab');
      await hire.getByRole('combobox', { name: 'Cost code' }).click();
      await page.getByRole('option', { name: 'MKT — Marketing' }).click();
      await hire.getByLabel('Story code').fill('SPRING-27');
    };
    await fillOffer('Spring campaign photos', '1,500.00');
    await expectAccessible(page, 'hire form (filled)');
    await screenshot(page, 'network-7-hire-filled');
    await hire.getByRole('button', { name: 'Send offer' }).click();
    await hire.waitFor({ state: 'hidden' });
    const sent = page.getByRole('alert').filter({ hasText: 'Offer sent' });
    await sent.getByRole('link', { name: 'View the offer' }).waitFor();
    await screenshot(page, 'network-8-offer-sent');
    await system.smtp.waitFor(adaEmail, /made you an offer: Spring campaign photos/);

    // A second offer, to withdraw.
    await page.getByRole('button', { name: 'Hire', exact: true }).click();
    await fillOffer('Summer teaser video', '800');
    await hire.getByRole('button', { name: 'Send offer' }).click();
    await hire.waitFor({ state: 'hidden' });

    // Offers: both sent; withdraw the second after confirming.
    await page.getByRole('link', { name: 'Offers', exact: true }).click();
    await page.getByRole('heading', { name: 'Offers', level: 1 }).waitFor();
    const springRow = page.getByRole('row').filter({ hasText: 'Spring campaign photos' });
    const summerRow = page.getByRole('row').filter({ hasText: 'Summer teaser video' });
    await springRow.getByText('$1,500.00').waitFor();
    await springRow.getByText('Ada Lens Studio').waitFor();
    await springRow.getByText('Sent', { exact: true }).waitFor();
    await summerRow.getByText('$800.00').waitFor();
    await expectAccessible(page, 'offers');
    await screenshot(page, 'network-9-offers');
    await summerRow.getByRole('button', { name: /Withdraw/ }).click();
    const withdraw = await openDialog(page, 'Withdraw offer?');
    await withdraw.getByText('$800.00').waitFor();
    await screenshot(page, 'network-10-withdraw-confirmation');
    await withdraw.getByRole('button', { name: 'Withdraw offer' }).click();
    await withdraw.waitFor({ state: 'hidden' });
    await summerRow.getByText('Withdrawn', { exact: true }).waitFor();
    expect(await summerRow.getByRole('button', { name: /Withdraw/ }).count()).toBe(0);

    // The creator accepts the first offer: the brand's page shows it without a reload.
    const offers = (await ada.api.get('/v1/offers')).body.data as { id: string; title: string }[];
    const spring = offers.find((o) => o.title === 'Spring campaign photos')!;
    const accepted = await ada.api.request('POST', `/v1/offers/${spring.id}/accept`, {
      signatureName: 'Ada Lens',
    });
    expect(accepted.status).toBe(200);
    await springRow.getByText('Accepted', { exact: true }).waitFor({ timeout: 20_000 });
    // An accepted offer leads to its project.
    await springRow.getByRole('link', { name: /^Project for/ }).waitFor();
    await screenshot(page, 'network-11-offer-accepted');

    // The title opens the offer.
    await springRow.getByRole('link', { name: 'Spring campaign photos', exact: true }).click();
    await page.waitForURL(`**/offers/${spring.id}`);
    await context.close();

    // On a phone (375 px): My Network and Offers, no sideways scrolling of the page.
    const phone = await newContext(browser, system.baseUrl, PHONE);
    const phonePage = await phone.newPage();
    await phonePage.goto('/login');
    await logInThroughUi(phonePage, brand.adminEmail, brand.password);
    await phonePage.waitForURL('**/reports/credits');
    await phonePage.goto('/network');
    await phonePage.getByRole('article', { name: 'Ada Lens Studio' }).waitFor();
    await imagesLoaded(phonePage);
    await expectAccessible(phonePage, 'my network (phone)');
    await screenshot(phonePage, 'network-12-phone');
    const overflow = await phonePage.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Hire from a card on the phone: the profile opens with the offer form.
    await phonePage
      .getByRole('article', { name: 'Ada Lens Studio' })
      .getByRole('link', { name: 'Hire Ada Lens Studio' })
      .click();
    await openDialog(phonePage, 'Hire Ada Lens Studio');
    await expectAccessible(phonePage, 'hire form (phone)');
    await screenshot(phonePage, 'network-12b-hire-phone');
    await phonePage.goto('/offers');
    await phonePage.getByText('Summer teaser video').waitFor();
    await expectAccessible(phonePage, 'offers (phone)');
    await screenshot(phonePage, 'network-13-offers-phone');
    await phone.close();

    // The same Offers page for the creator: from their client, with the status.
    const creatorContext = await newContext(browser, system.baseUrl);
    const creatorPage = await creatorContext.newPage();
    await creatorPage.goto('/login');
    await logInThroughUi(creatorPage, ada.email, ada.password);
    await creatorPage.waitForURL((url) => url.pathname !== '/login');
    await creatorPage.getByRole('link', { name: 'Offers', exact: true }).click();
    const received = creatorPage.getByRole('row').filter({ hasText: 'Spring campaign photos' });
    await received.getByText('Accepted', { exact: true }).waitFor();
    await received.getByText('$1,500.00').waitFor();
    await received.getByText(brand.name, { exact: true }).waitFor();
    await expectAccessible(creatorPage, 'offers (creator)');
    await screenshot(creatorPage, 'network-14-offers-creator');
    await creatorContext.close();
  });
});
