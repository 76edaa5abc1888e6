import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loginOps } from '../e2e/support/factories';
import { Api } from '../e2e/support/http';
import { GlimmerSystem } from '../e2e/support/system';
import { expectAccessible, launchBrowser, newContext, PHONE, screenshot } from './support/browser';
import { eventually } from '@glimmer/testing/eventually';
import { verificationLink } from '../e2e/support/factories';
import {
  logInThroughUi,
  logOutThroughUi,
  signUpThroughUi,
  signUpUnverifiedThroughUi,
} from './support/brand-ui';
import { dialog } from './support/credits-ui';

/** Access tokens live 3 s here (production: 15 min), so the page refreshes them all the time. */
const ACCESS_TTL_MS = 3_000;

describe('web app: sessions (sign up, log in, log out, refresh, revocation, password change)', () => {
  let system: GlimmerSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await new GlimmerSystem('web-session', {
      JWT_TTL_SECONDS: String(ACCESS_TTL_MS / 1000),
    }).start();
    browser = await launchBrowser();
  });

  const cookie = async (context: BrowserContext, name: string) =>
    (await context.cookies()).find((c) => c.name === name);

  /** The refresh route with a given refresh cookie, as a browser would send it. */
  const refreshWith = async (refresh: string, csrf: string) =>
    fetch(`${system.baseUrl}/v1/auth/session/refresh`, {
      method: 'POST',
      headers: { cookie: `glimmer_refresh=${refresh}; glimmer_csrf=${csrf}`, 'x-csrf-token': csrf },
    });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('serves the app on the gateway origin, keeps the session in a cookie scripts cannot read', async () => {
    const context = await newContext(browser, system.baseUrl);
    const page = await context.newPage();
    const brand = await signUpThroughUi(page);
    await page.getByRole('heading', { name: 'Credits', level: 1 }).waitFor();

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'glimmer_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // The refresh token is sent to the refresh route only, and scripts cannot read it either.
    const refresh = cookies.find((c) => c.name === 'glimmer_refresh');
    expect(refresh).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/v1/auth/session/refresh',
    });
    expect(await page.evaluate('document.cookie')).not.toContain('glimmer_session');
    expect(await page.evaluate('document.cookie')).not.toContain('glimmer_refresh');

    // A state-changing request with the cookie but without the CSRF header is refused.
    const forged = await page.evaluate(async () => {
      const res = await fetch('/v1/cost-codes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'FORGED', name: 'Forged' }),
      });
      return { status: res.status, body: await res.json() };
    });
    expect(forged).toMatchObject({ status: 403, body: { code: 'csrf_token_invalid' } });

    // A reload keeps the session; bearer tokens keep working for API clients beside it.
    await page.reload();
    await page.getByRole('heading', { name: 'Credits', level: 1 }).waitFor();
    const api = await fetch(`${system.baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: brand.adminEmail, password: brand.password }),
    });
    expect(api.status).toBe(200);

    // Logging out revokes the session on the server: a copy of its refresh cookie is useless.
    const beforeLogout = {
      refresh: (await cookie(context, 'glimmer_refresh'))!.value,
      csrf: (await cookie(context, 'glimmer_csrf'))!.value,
    };
    await logOutThroughUi(page);
    expect(await cookie(context, 'glimmer_session')).toBeUndefined();
    expect(await cookie(context, 'glimmer_refresh')).toBeUndefined();
    expect((await refreshWith(beforeLogout.refresh, beforeLogout.csrf)).status).toBe(401);
    await expectAccessible(page, 'login');
    await screenshot(page, 'login');

    // Logged out, a deep link goes to log in, and back to the same page after it.
    await page.goto('/reports/invoices?status=unpaid');
    await page.waitForURL(/\/login\?/);
    await logInThroughUi(page, brand.adminEmail, 'wrong-password');
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    await logInThroughUi(page, brand.adminEmail, brand.password);
    await page.waitForURL('**/reports/invoices?status=unpaid');
    await context.close();
  });

  it('refreshes an expired access token without the person noticing', async () => {
    const context = await newContext(browser, system.baseUrl);
    const page = await context.newPage();
    await signUpThroughUi(page);
    const refreshes: number[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('/v1/auth/session/refresh')) refreshes.push(res.status());
    });
    const first = (await cookie(context, 'glimmer_session'))!.value;
    await page.waitForTimeout(ACCESS_TTL_MS + 1_000);

    // The next request answers 401 token_expired; the page refreshes once and retries.
    await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/v1/auth/session/refresh')),
      page.getByRole('link', { name: 'Cost codes' }).click(),
    ]);
    await page.getByRole('heading', { name: 'Cost codes', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Cost codes', level: 1 }).waitFor();
    expect(page.url()).not.toContain('/login');
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    expect(refreshes.every((status) => status === 200)).toBe(true);
    expect((await cookie(context, 'glimmer_session'))!.value).not.toBe(first);
    await context.close();
  });

  it('sends a user whose session was ended (by ops) to log in, then back to where they were', async () => {
    const context = await newContext(browser, system.baseUrl, PHONE);
    const page: Page = await context.newPage();
    const brand = await signUpThroughUi(page);
    await expectAccessible(page, 'credits (phone)');
    const ops = await loginOps(new Api(system.baseUrl));
    const revoked = await ops.post('/v1/ops/sessions/revoke', { email: brand.adminEmail }, null);
    expect(revoked.body).toMatchObject({ revoked: 1 });
    await page.goto('/cost-codes');
    await page.waitForURL(/\/login\?/);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/cost-codes');
    await logInThroughUi(page, brand.adminEmail, brand.password);
    await page.waitForURL('**/cost-codes');
    await screenshot(page, 'session-restored-phone');
    await context.close();
  });

  it('asks a new brand to verify its email, explains what waits for it, and verifies by the link once', async () => {
    const context = await newContext(browser, system.baseUrl);
    const page = await context.newPage();
    const brand = await signUpUnverifiedThroughUi(page);
    const banner = page.getByRole('alert').filter({ hasText: 'Check your email' });
    await banner.getByText(brand.adminEmail).waitFor();
    await expectAccessible(page, 'credits (email not verified)');
    await screenshot(page, 'verify-email-01-check-your-email');

    // Adding credit would email the finance contact: refused, and the dialog says why.
    await page.getByRole('button', { name: 'Add Credit' }).click();
    const add = dialog(page, 'Add Credit');
    await add.getByLabel('New cost code').fill('MKT');
    await add.getByLabel('Cost code name').fill('Marketing');
    await add.getByLabel('Amount').fill('100');
    await add.getByRole('button', { name: 'Continue' }).click();
    await add.getByRole('button', { name: 'Add Credit' }).click();
    await add.getByRole('alert').filter({ hasText: 'Verify your email address first' }).waitFor();
    await add.getByRole('button', { name: 'Back' }).click();
    await page.keyboard.press('Escape');

    // A resend replaces the first link: the first one no longer works.
    const first = await verificationLink(system.baseUrl, brand.adminEmail);
    await banner.getByRole('button', { name: 'Resend the email' }).click();
    await banner.getByRole('status').filter({ hasText: 'Sent' }).waitFor();
    const second = await eventually(async () => {
      const newest = await verificationLink(system.baseUrl, brand.adminEmail);
      expect(newest).not.toBe(first);
      return newest;
    });
    await page.goto(first);
    await page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
    await page.getByText('This verification link has expired').waitFor();

    await page.goto(second);
    await page.getByRole('heading', { name: 'Your email is verified' }).waitFor();
    await expectAccessible(page, 'email verified');
    await screenshot(page, 'verify-email-02-verified');
    await page.getByRole('link', { name: 'Continue to Glimmer' }).click();
    await page.waitForURL('**/reports/credits');
    await page.getByRole('heading', { name: 'Credits', level: 1 }).waitFor();
    expect(await banner.count()).toBe(0);

    // The link works once.
    await page.goto(second);
    await page.getByText('This verification link has already been used').waitFor();
    await context.close();
  });

  it('changes the password from the account menu, which signs out every session', async () => {
    const context = await newContext(browser, system.baseUrl, PHONE);
    const page = await context.newPage();
    const brand = await signUpThroughUi(page);
    const other = await browser.newContext({ baseURL: system.baseUrl });
    const otherPage = await other.newPage();
    await otherPage.goto('/login');
    await logInThroughUi(otherPage, brand.adminEmail, brand.password);
    await otherPage.waitForURL('**/reports/credits');
    const otherRefresh = (await cookie(other, 'glimmer_refresh'))!.value;
    const otherCsrf = (await cookie(other, 'glimmer_csrf'))!.value;

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    await page.waitForURL('**/account/password');
    await page.getByRole('heading', { name: 'Change password', level: 1 }).waitFor();
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel(/^New password/).fill('a-brand-new-passphrase');
    await page.getByLabel('Repeat the new password').fill('a-brand-new-passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('That is not your current password').waitFor();
    await expectAccessible(page, 'change password (phone)');
    await screenshot(page, 'change-password-phone');

    await page.getByLabel('Current password').fill(brand.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL(/\/login\?passwordChanged=1/);
    await page.getByText('Your password was changed and every session signed out.').waitFor();
    // The other browser's session ended too.
    expect((await refreshWith(otherRefresh, otherCsrf)).status).toBe(401);
    await otherPage.reload();
    await otherPage.waitForURL(/\/login/);

    await logInThroughUi(page, brand.adminEmail, brand.password);
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    await logInThroughUi(page, brand.adminEmail, 'a-brand-new-passphrase');
    await page.waitForURL('**/reports/credits');
    await other.close();
    await context.close();
  });
});
