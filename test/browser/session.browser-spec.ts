import type { Browser, Page } from 'playwright-core';
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

describe('web app: sessions (sign up, log in, log out, expiry)', () => {
  let system: GlimmerSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await new GlimmerSystem('web-session', { JWT_TTL_SECONDS: '60' }).start();
    browser = await launchBrowser();
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
    expect(await page.evaluate('document.cookie')).not.toContain('glimmer_session');

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

    await logOutThroughUi(page);
    expect((await context.cookies()).find((c) => c.name === 'glimmer_session')).toBeUndefined();
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

  it('sends a user whose session expired to log in, then back to where they were', async () => {
    const context = await newContext(browser, system.baseUrl, PHONE);
    const page: Page = await context.newPage();
    const brand = await signUpThroughUi(page);
    await expectAccessible(page, 'credits (phone)');
    // The session cookie lives JWT_TTL_SECONDS (60 s here); replace it with an expired token.
    const [session] = (await context.cookies()).filter((c) => c.name === 'glimmer_session');
    await context.addCookies([{ ...session, value: `${session.value.slice(0, -4)}AAAA` }]);
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
});
