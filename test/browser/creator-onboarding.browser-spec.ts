import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Browser, Locator, Page } from 'playwright-core';
import { schemaFor } from '@glimmer/database/database.options';
import { eventually } from '@glimmer/testing/eventually';
import { onboardCreator, signUpBrand, SignedUpBrand } from '../e2e/support/factories';
import { Api } from '../e2e/support/http';
import { GlimmerSystem } from '../e2e/support/system';
import { expectAccessible, launchBrowser, newContext, PHONE, screenshot } from './support/browser';
import { logInThroughUi } from './support/brand-ui';
import { PHOTO_PNG, SAMPLE_PDF } from './support/files';

const PASSWORD = 'a long creator password';

/** Picks a file through the page's own file button, as a person does with the file dialog. */
async function chooseFile(
  page: Page,
  label: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: label, exact: true }).click(),
  ]);
  await chooser.setFiles(file);
}

async function addTag(page: Page, label: string, value: string) {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

/** Seed 001, as screens: accept the invite, the guided profile, the Profile page. */
describe('web app: a creator accepts an invite and creates their profile (seed 001)', () => {
  let system: GlimmerSystem;
  let browser: Browser;
  let anon: Api;
  let brand: SignedUpBrand;
  /** The first creator's invite link, used once in the first test. */
  let usedLink: string;
  let creatorEmail: string;

  beforeAll(async () => {
    // Three files per creator (a photo and two samples), so the quota can be reached here.
    system = await new GlimmerSystem('web-onboard', { UPLOAD_QUOTA_FILES: '3' }).start();
    browser = await launchBrowser();
    anon = new Api(system.baseUrl);
    brand = await signUpBrand(anon, { name: 'Acme Studios' });
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  /** The brand invites `email` (API); the link is read from the email the creator receives. */
  const invite = async (from: SignedUpBrand, email: string, brandName = 'Acme Studios') => {
    const res = await from.api.post('/v1/invites', { email, message: 'Work with us' });
    expect(res.status).toBe(201);
    const mail = await system.smtp.waitFor(email, new RegExp(`^${brandName} invited you`));
    const link = /(https?:\/\/\S+\/invites\/accept\?token=\S+)/.exec(mail.text)?.[1];
    if (!link) throw new Error(`no accept link in ${mail.text}`);
    // The system runs with INVITE_ACCEPT_URL on its own port: the link opens this app as sent.
    expect(link.startsWith(`${system.baseUrl}/invites/accept?token=`)).toBe(true);
    return { id: res.body.id as string, link };
  };

  it('from the invite email to a finished profile, resumed mid-way, with the photo in the account menu', async () => {
    creatorEmail = `ada-${randomUUID().slice(0, 8)}@creator.test`;
    const { link } = await invite(brand, creatorEmail);
    usedLink = link;

    // 1. Accept invite: the page names the brand and the invited email.
    const context = await newContext(browser, system.baseUrl, PHONE);
    const page = await context.newPage();
    await page.goto(link);
    await page
      .getByRole('heading', { level: 1, name: 'Acme Studios invited you to Glimmer' })
      .waitFor();
    await expect(page.getByLabel('Email').inputValue()).resolves.toBe(creatorEmail);
    await expectAccessible(page, 'accept invite');
    await screenshot(page, 'creator-invite-accept');

    // Bad input is told next to its field and nothing is sent.
    const accepts: string[] = [];
    page.on('request', (r) => r.url().includes('/v1/invites/accept') && accepts.push(r.method()));
    await page.getByRole('button', { name: 'Create account and join Acme Studios' }).click();
    await page.getByText('Enter your name').waitFor();
    await page.getByText('Use at least 10 characters').waitFor();
    expect(accepts).toEqual([]);

    await page.getByLabel('Your name').fill('Ada Lens');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account and join Acme Studios' }).click();

    // 2. Guided profile, page 1: basic information (the name starts as the account's).
    await page.waitForURL('**/onboarding/basics');
    await page.getByRole('heading', { level: 2, name: 'Basic information' }).waitFor();
    const displayName = page.getByLabel('Display name');
    await expect(displayName.inputValue()).resolves.toBe('Ada Lens');
    await displayName.fill('Ada Lens Studio');
    await page.getByLabel('Bio').fill('Portraits and product stills, in studio or on location.');
    await expectAccessible(page, 'onboarding: basic information');
    await screenshot(page, 'creator-onboarding-1-basics');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    // Page 2: the photo, checked in the page before upload, previewed, then uploaded.
    await page.waitForURL('**/onboarding/photo');
    const uploads: string[] = [];
    page.on('request', (r) => r.url().includes('/v1/me/profile/photo') && uploads.push(r.url()));
    await chooseFile(page, 'Profile photo', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a photo'),
    });
    await page.getByText('notes.txt is not accepted').waitFor();
    await expect(
      page.getByRole('button', { name: 'Upload and continue' }).isDisabled(),
    ).resolves.toBe(true);
    await expectAccessible(page, 'onboarding: photo refused');
    await screenshot(page, 'creator-onboarding-2-photo-refused');
    expect(uploads).toEqual([]);

    await chooseFile(page, 'Profile photo', {
      name: 'ada.png',
      mimeType: 'image/png',
      buffer: PHOTO_PNG,
    });
    await page.getByRole('img', { name: 'Preview of your new photo' }).waitFor();
    await expectAccessible(page, 'onboarding: photo preview');
    await screenshot(page, 'creator-onboarding-2-photo');
    await page.getByRole('button', { name: 'Upload and continue' }).click();

    // Page 3: samples of previous work, a link and a file, each listed once added.
    await page.waitForURL('**/onboarding/samples');
    expect(uploads).toHaveLength(1);
    await page.getByLabel('Title').fill('Autumn lookbook');
    await page.getByRole('textbox', { name: 'Link' }).fill('https://portfolio.example/autumn');
    await page.getByLabel('Description').fill('Twelve looks for a knitwear label');
    await page.getByRole('button', { name: 'Add link' }).click();
    const samples = page.getByRole('region', { name: 'Your samples' });
    await samples.getByRole('link', { name: 'Autumn lookbook' }).waitFor();

    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await page.getByLabel('Title').fill('Rate card');
    await chooseFile(page, 'File', {
      name: 'rates.pdf',
      mimeType: 'application/pdf',
      buffer: SAMPLE_PDF,
    });
    await page.getByRole('button', { name: 'Upload file' }).click();
    await samples.getByRole('link', { name: 'Rate card' }).waitFor();
    await page.getByRole('heading', { name: 'Your samples (2)' }).waitFor();
    await expectAccessible(page, 'onboarding: samples');
    await screenshot(page, 'creator-onboarding-3-samples');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL('**/onboarding/setup');

    // Leave mid-way; back in another browser (nothing remembered there), /onboarding resumes
    // at the first page not yet saved: professional setup.
    await context.close();
    const again = await newContext(browser, system.baseUrl, PHONE);
    const back = await again.newPage();
    await back.goto('/onboarding');
    await back.waitForURL(/\/login\?/);
    await logInThroughUi(back, creatorEmail, PASSWORD);
    await back.waitForURL('**/onboarding/setup');
    await back.getByRole('heading', { level: 2, name: 'Professional setup' }).waitFor();

    // Page 4: professional setup — tags, then the country (required) and city.
    await addTag(back, 'Equipment', 'Sony A7 IV');
    await addTag(back, 'Equipment', 'Profoto B10');
    await addTag(back, 'Skills', 'Photography');
    await addTag(back, 'Skills', 'Retouching');
    await addTag(back, 'Languages', 'English');
    await addTag(back, 'Languages', 'German');
    await back.getByRole('button', { name: 'Save and finish' }).click();
    await back.getByText('Choose your country of residence').waitFor();
    await back.getByRole('combobox', { name: 'Country' }).fill('Germ');
    await back.getByRole('option', { name: 'Germany' }).click();
    await back.getByLabel('City').fill('Berlin');
    await expectAccessible(back, 'onboarding: professional setup');
    await screenshot(back, 'creator-onboarding-4-setup');
    await back.getByRole('button', { name: 'Save and finish' }).click();

    // 3. The Profile page, as brands see it.
    await back.waitForURL('**/profile');
    await back.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    await back.getByRole('heading', { level: 2, name: 'Ada Lens Studio' }).waitFor();
    await back.getByText('Berlin, Germany').waitFor();
    for (const tag of ['Sony A7 IV', 'Retouching', 'German'])
      await back.getByText(tag, { exact: true }).waitFor();
    await back.getByRole('link', { name: 'Rate card' }).waitFor();
    await expectImageLoaded(back.getByRole('img', { name: 'Profile photo of Ada Lens Studio' }));
    await expectAccessible(back, 'profile');
    await screenshot(back, 'creator-profile');

    // The profile picture in the top-right corner is the uploaded photo, and opens the menu.
    const menu = back.getByRole('button', { name: /Account menu/ });
    // The avatar's <img> is decorative (alt=""): the button carries the name.
    const avatar = menu.locator('img');
    await avatar.waitFor();
    expect(await avatar.getAttribute('src')).toMatch(/^\/v1\/files\/[0-9a-f-]{36}\.png$/);
    await expectImageLoaded(avatar);
    await menu.click();
    await back.getByRole('menuitem', { name: 'Settings' }).waitFor();
    await expectAccessible(back, 'account menu');
    await screenshot(back, 'creator-account-menu');
    await back.getByRole('menuitem', { name: 'Settings' }).click();
    await back.waitForURL('**/settings/payout');

    // Edit leads back into the steps, with what was saved.
    await back.goto('/profile');
    await back.getByRole('link', { name: 'Edit profile' }).click();
    await back.waitForURL('**/onboarding/basics');
    await back.getByRole('heading', { level: 1, name: 'Edit your profile' }).waitFor();
    await expect(back.getByLabel('Display name').inputValue()).resolves.toBe('Ada Lens Studio');

    await menu.click();
    await back.getByRole('menuitem', { name: 'Log out' }).click();
    await back.waitForURL('**/login');
    await again.close();
  }, 240_000);

  it('over the upload quota, the reason shows by the upload; removing a sample makes room', async () => {
    const creator = await onboardCreator(anon, system.smtp, brand, 'Creator');
    const form = (title: string) => {
      const body = new FormData();
      body.append('title', title);
      body.append('file', new Blob([new Uint8Array(SAMPLE_PDF)]), 'deck.pdf');
      return body;
    };
    for (const title of ['Deck one', 'Deck two', 'Deck three']) {
      const res = await fetch(`${system.baseUrl}/v1/me/samples/file`, {
        method: 'POST',
        headers: { authorization: `Bearer ${creator.token}` },
        body: form(title),
      });
      expect(res.status).toBe(201);
    }
    const context = await newContext(browser, system.baseUrl, PHONE);
    const page = await context.newPage();
    await page.goto('/onboarding/samples');
    await page.waitForURL(/\/login\?/);
    await logInThroughUi(page, creator.email, creator.password);
    await page.waitForURL('**/onboarding/samples');
    await page.getByRole('heading', { name: 'Your samples (3)' }).waitFor();

    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await page.getByLabel('Title').fill('Rate card');
    await chooseFile(page, 'File', {
      name: 'rates.pdf',
      mimeType: 'application/pdf',
      buffer: SAMPLE_PDF,
    });
    await page.getByRole('button', { name: 'Upload file' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not upload the file' });
    await alert
      .getByText('You have uploaded 3 files, as many as you may. Remove a sample to make room.')
      .waitFor();
    await expectAccessible(page, 'onboarding: samples over the quota');

    const samples = page.getByRole('region', { name: 'Your samples' });
    await samples.getByRole('button', { name: 'Remove “Deck one”' }).click();
    await page.getByRole('heading', { name: 'Your samples (2)' }).waitFor();
    await page.getByRole('button', { name: 'Upload file' }).click();
    await samples.getByRole('link', { name: 'Rate card' }).waitFor();
    await page.getByRole('heading', { name: 'Your samples (3)' }).waitFor();
    expect(await samples.getByRole('link', { name: 'Deck one' }).count()).toBe(0);
    await context.close();
  }, 120_000);

  it('a used, withdrawn, expired or broken link says so and what to do; no second account', async () => {
    const context = await newContext(browser, system.baseUrl, PHONE);
    const page = await context.newPage();

    // The link from the first test, opened again: already used — log in.
    await page.goto(usedLink);
    await page
      .getByRole('heading', { level: 1, name: 'This invite has already been used' })
      .waitFor();
    await expect(
      page.getByRole('textbox', { name: 'Password', exact: true }).count(),
    ).resolves.toBe(0);
    await expectAccessible(page, 'invite already used');
    await screenshot(page, 'creator-invite-used');
    // The page's facts come from a public preview that tells nothing but these.
    const token = new URL(usedLink).searchParams.get('token')!;
    const preview = await anon.get(`/v1/invites/preview?token=${encodeURIComponent(token)}`);
    expect(preview.status).toBe(200);
    expect(Object.keys(preview.body).sort()).toEqual(['brandName', 'email', 'expiresAt', 'status']);
    expect(preview.body).toMatchObject({ brandName: 'Acme Studios', status: 'accepted' });
    const forged = await anon.get(`/v1/invites/preview?token=${'A'.repeat(43)}`);
    expect(forged).toMatchObject({ status: 400, body: { code: 'invite_token_invalid' } });

    // Even sent again by hand, it makes no second account: told so (409), still one creator,
    // same password.
    const reused = await anon.post('/v1/invites/accept', {
      token,
      name: 'Someone',
      password: 'another password',
    });
    expect(reused).toMatchObject({ status: 409, body: { code: 'invite_already_accepted' } });
    const network = await brand.api.get('/v1/network');
    expect(
      network.body.data.filter((c: { email: string }) => c.email === creatorEmail),
    ).toHaveLength(1);
    const wrong = await anon.post(
      '/v1/auth/login',
      { email: creatorEmail, password: 'another password' },
      null,
    );
    expect(wrong.status).toBe(401);
    await page.getByRole('link', { name: 'Log in' }).click();
    await page.waitForURL(/\/login\?next=%2Fonboarding/);
    await logInThroughUi(page, creatorEmail, PASSWORD);
    // The profile is finished, so resuming it shows the Profile page.
    await page.waitForURL('**/profile');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL('**/login');

    // Used meanwhile (the page was open while the link was accepted elsewhere): submitting
    // the form says the invite has been used, and makes no account with these credentials.
    const raced = await invite(brand, `race-${randomUUID().slice(0, 8)}@creator.test`);
    await page.goto(raced.link);
    await page
      .getByRole('heading', { level: 1, name: 'Acme Studios invited you to Glimmer' })
      .waitFor();
    const racedToken = new URL(raced.link).searchParams.get('token')!;
    const elsewhere = await anon.post('/v1/invites/accept', {
      token: racedToken,
      name: 'First Tab',
      password: 'first tab password',
    });
    expect(elsewhere.status).toBe(201);
    await page.getByLabel('Your name').fill('Second Tab');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('second tab password');
    await page.getByRole('button', { name: 'Create account and join Acme Studios' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'This invite has already been used' })
      .waitFor();
    await page.getByRole('link', { name: 'Log in' }).waitFor();

    // Interrupted: accepted, but the gateway stopped before making the login. The link still
    // offers the form, and submitting it finishes the acceptance.
    const cutEmail = `cut-${randomUUID().slice(0, 8)}@creator.test`;
    const cutInvite = await invite(brand, cutEmail);
    const cutToken = new URL(cutInvite.link).searchParams.get('token')!;
    const half = await anon.post('/v1/invites/accept', {
      token: cutToken,
      name: 'Cut Short',
      password: 'first try password',
    });
    expect(half.status).toBe(201);
    const gateway = new Client({ connectionString: system.env.databaseUrl });
    await gateway.connect();
    try {
      await gateway.query(
        `delete from "${schemaFor(system.env.prefix, 'gateway')}".user_account where email = $1`,
        [cutEmail],
      );
    } finally {
      await gateway.end();
    }
    await page.goto(cutInvite.link);
    await page.getByLabel('Your name').fill('Cut Short');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('second try password');
    await page.getByRole('button', { name: 'Create account and join Acme Studios' }).click();
    await page.waitForURL('**/onboarding/**');
    expect(
      (
        await anon.post(
          '/v1/auth/login',
          { email: cutEmail, password: 'second try password' },
          null,
        )
      ).status,
    ).toBe(200);
    await context.clearCookies();

    // Withdrawn by the brand.
    const revoked = await invite(brand, `rev-${randomUUID().slice(0, 8)}@creator.test`);
    expect((await brand.api.post(`/v1/invites/${revoked.id}/revoke`, undefined, null)).status).toBe(
      200,
    );
    await page.goto(revoked.link);
    await page.getByRole('heading', { level: 1, name: 'This invite was withdrawn' }).waitFor();
    await page.getByText('Ask Acme Studios to send a new invite.').waitFor();
    await expectAccessible(page, 'invite withdrawn');
    await screenshot(page, 'creator-invite-revoked');

    // Expired: its expiry moved into the past in creator-network's own table.
    const expired = await invite(brand, `exp-${randomUUID().slice(0, 8)}@creator.test`);
    const db = new Client({ connectionString: system.env.databaseUrl });
    await db.connect();
    try {
      const schema = schemaFor(system.env.prefix, 'creator-network');
      await db.query(
        `update "${schema}".invite set expires_at = now() - interval '1 minute' where id = $1`,
        [expired.id],
      );
    } finally {
      await db.end();
    }
    await page.goto(expired.link);
    await page.getByRole('heading', { level: 1, name: 'This invite has expired' }).waitFor();
    await page.getByText('Ask Acme Studios to send a new invite.').waitFor();
    await page.getByRole('link', { name: 'Log in' }).waitFor();
    await expectAccessible(page, 'invite expired');
    await screenshot(page, 'creator-invite-expired');

    // A link that is not one we sent.
    await page.goto('/invites/accept?token=not-a-real-token');
    await page.getByRole('heading', { level: 1, name: 'This invite link is not valid' }).waitFor();
    await expectAccessible(page, 'invite link not valid');
    await screenshot(page, 'creator-invite-invalid');
    await context.close();
  }, 180_000);

  it('a creator who already has an account logs in on the invite page and joins another brand', async () => {
    const other = await signUpBrand(anon, { name: 'Birch Media' });
    const { link } = await invite(other, creatorEmail, 'Birch Media');
    const context = await newContext(browser, system.baseUrl, PHONE);
    const page = await context.newPage();
    await page.goto(link);
    await page
      .getByRole('heading', { level: 1, name: 'Birch Media invited you to Glimmer' })
      .waitFor();
    await page.getByRole('button', { name: 'Log in and accept' }).click();
    await page.getByRole('heading', { level: 2, name: 'Log in to accept' }).waitFor();
    await expect(page.getByLabel('Email').inputValue()).resolves.toBe(creatorEmail);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await expectAccessible(page, 'accept invite: log in');
    await screenshot(page, 'creator-invite-log-in');
    await page.getByRole('button', { name: 'Log in and accept' }).click();
    // Their profile is already complete: straight to it.
    await page.waitForURL('**/profile');
    const network = await other.api.get('/v1/network');
    expect(network.body.data.map((c: { email: string }) => c.email)).toEqual([creatorEmail]);
    await context.close();
  }, 120_000);
});

/** What the test reads of an <img> in the page (the DOM's types are not in this project). */
interface LoadedImage {
  complete: boolean;
  naturalWidth: number;
}

/** The photo's <img> has loaded the 16-pixel PNG (the file is served with the session cookie). */
async function expectImageLoaded(img: Locator) {
  await img.waitFor();
  await eventually(
    async () => {
      const width = await img.evaluate((el) => {
        const loaded = el as unknown as LoadedImage;
        return loaded.complete && loaded.naturalWidth;
      });
      if (width !== 16) throw new Error(`photo not loaded (naturalWidth ${String(width)})`);
    },
    { timeoutMs: 5_000 },
  );
}
