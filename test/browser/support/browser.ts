import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'var', 'screenshots');

/** Debian's Chromium (scripts/ensure-chromium.sh installs it), never a downloaded build. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

/** A fresh browser profile (its own cookies) on the system under test. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  return context;
}

/** Saves a full-page screenshot under var/screenshots (not committed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The part of the browser's Document this file uses (the root tsconfig has no DOM types). */
interface AnimatedDocument {
  getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[];
}

/** Every finite animation done (spinners run forever). */
async function settled(page: Page): Promise<void> {
  // Functions, not strings: the app's Content-Security-Policy forbids eval in the page.
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: AnimatedDocument }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/**
 * axe-core on the screen as a person sees it once it has settled: no serious or critical
 * violation is allowed. A menu, drawer, modal or toast fading in or out has its text at partial
 * opacity (a contrast failure no one sees), so finite animations are waited for first, and a
 * violation must still be there a moment later to count (a toast can start fading out while axe
 * reads the page); a real one always is. The pointer moves off whatever it just clicked (a
 * hovered link is a transient shade we do not own).
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.mouse.move(1, 1);
  await settled(page);
  if ((await blockingViolations(page)).length === 0) return;
  await page.waitForTimeout(500);
  await settled(page);
  const blocking = await blockingViolations(page);
  if (blocking.length)
    throw new Error(`accessibility violations on ${screen}:\n${blocking.join('\n')}`);
}
