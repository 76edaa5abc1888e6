import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { verificationLink } from '../../e2e/support/factories';

export interface UiBrand {
  name: string;
  adminEmail: string;
  financeEmail: string;
  password: string;
}

export function newBrandDetails(): UiBrand {
  const tag = randomUUID().slice(0, 8);
  return {
    name: `Brand ${tag}`,
    adminEmail: `admin-${tag}@brand.test`,
    financeEmail: `finance-${tag}@brand.test`,
    password: `password-${tag}`,
  };
}

/**
 * Signs a brand up through the sign-up page, then opens the emailed verification link (read
 * from the system's SMTP capture) as the admin would, so the brand may add credit and invite;
 * the app then shows Reports → Credits.
 */
export async function signUpThroughUi(page: Page, brand = newBrandDetails(), currency = 'USD') {
  await signUpUnverifiedThroughUi(page, brand, currency);
  await page.goto(await verificationLink(page.url(), brand.adminEmail));
  await page.getByRole('heading', { name: 'Your email is verified' }).waitFor();
  await page.getByRole('link', { name: 'Continue to Glimmer' }).click();
  await page.waitForURL('**/reports/credits');
  return brand;
}

/** The sign-up alone: the admin lands on Reports → Credits with "check your email". */
export async function signUpUnverifiedThroughUi(
  page: Page,
  brand = newBrandDetails(),
  currency = 'USD',
) {
  await page.goto('/signup');
  await page.getByLabel('Brand name').fill(brand.name);
  if (currency !== 'USD') {
    await page.getByRole('textbox', { name: 'Currency' }).click();
    await page.getByRole('option', { name: currency, exact: true }).click();
  }
  await page.getByLabel('Finance contact email').fill(brand.financeEmail);
  await page.getByLabel('Your name').fill('Ada Admin');
  await page.getByLabel('Your email').fill(brand.adminEmail);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(brand.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/reports/credits');
  return brand;
}

export async function logInThroughUi(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function logOutThroughUi(page: Page) {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await page.waitForURL('**/login');
}
