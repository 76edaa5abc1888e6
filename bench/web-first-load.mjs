#!/usr/bin/env node
// The web app's first load, measured in Debian's Chromium against a private running system:
//   - JavaScript fetched before the Credits page is usable, raw and gzipped (budget: ≤ 300 KB gzipped)
//   - time from navigation until the Credits page is usable (totals shown, Add Credit enabled),
//     cold (empty cache, new browser profile) and warm (cached assets), median of BENCH_RUNS
// Usage: npm run build && npm run bench:web   (BENCH_RUNS, default 5; CHROMIUM_PATH)
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { benchBrand, until } from './http.mjs';
import { startSystem } from './system.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_GZIP_BYTES = 300 * 1024;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const system = await startSystem('web');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
try {
  const { brand, admin } = await benchBrand(system);
  // A brand with some history, so the page renders real rows.
  for (let i = 0; i < 5; i++) {
    await brand('POST', '/v1/credit/deposits', {
      amount: 250_000 + i,
      costCode: { code: `WEB-${i}`, name: `Web bench ${i}` },
    });
  }
  await until(async () => (await brand('GET', '/v1/credit-invoices')).body.data?.length >= 5);

  const measure = async (context) => {
    const page = await context.newPage();
    const scripts = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      scripts.push({ url: response.url(), raw: body.length, gzip: gzipSync(body).length });
    });
    const started = performance.now();
    await page.goto(`${system.baseUrl}/reports/credits`);
    await page.getByRole('heading', { name: 'Credits', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add Credit' }).waitFor();
    await until(async () => page.getByRole('button', { name: 'Add Credit' }).isEnabled());
    const usableMs = performance.now() - started;
    await page.close();
    return {
      usableMs,
      raw: scripts.reduce((sum, s) => sum + s.raw, 0),
      gzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
      files: scripts.length,
    };
  };

  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const login = await context.request.post(`${system.baseUrl}/v1/auth/session`, {
      data: { email: admin.email, password: admin.password },
    });
    if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`);
    cold.push(await measure(context));
    warm.push(await measure(context));
    await context.close();
  }
  const first = cold[0];
  console.log(`web app first load (${RUNS} runs, Chromium ${browser.version()})`);
  console.log(
    `  JavaScript before the Credits page is usable: ${first.files} files, ${kb(first.raw)} raw, ${kb(first.gzip)} gzipped` +
      `  (budget ${kb(BUDGET_GZIP_BYTES)}: ${first.gzip <= BUDGET_GZIP_BYTES ? 'within' : 'OVER'})`,
  );
  console.log(
    `  Credits page usable, cold cache: median ${median(cold.map((r) => r.usableMs)).toFixed(0)} ms`,
  );
  console.log(
    `  Credits page usable, warm cache: median ${median(warm.map((r) => r.usableMs)).toFixed(0)} ms`,
  );
  if (first.gzip > BUDGET_GZIP_BYTES) process.exitCode = 1;
} finally {
  await browser.close();
  await system.stop();
}
