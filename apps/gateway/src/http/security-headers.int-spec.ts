import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayUnderTest, startGatewayUnderTest } from '../testing/gateway-harness';
import { HSTS } from './security-headers';

describe('security headers on every gateway response', () => {
  let gateway: GatewayUnderTest;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'glimmer-web-'));
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><script src="/assets/app.js"></script>',
    );
    gateway = await startGatewayUnderTest('sechead', { TRUST_PROXY: '1', WEB_DIST_DIR: webDir });
  });

  afterAll(async () => {
    await gateway?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  const helmetDefaults = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-permitted-cross-domain-policies': 'none',
    'x-dns-prefetch-control': 'off',
  };
  const headersOf = (res: { headers: Headers }, names: string[]) =>
    Object.fromEntries(names.map((n) => [n, res.headers.get(n)]));

  it('gives API answers (errors included) helmet defaults and a CSP that lets nothing run', async () => {
    for (const path of ['/v1/me', '/health/live', '/docs-json', '/v1/no-such-route']) {
      const res = await gateway.request('GET', path);
      expect({ path, ...headersOf(res, Object.keys(helmetDefaults)) }).toEqual({
        path,
        ...helmetDefaults,
      });
      expect(res.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; ?frame-ancestors 'none'/,
      );
      expect(res.headers.get('x-powered-by')).toBeNull();
      // Plain HTTP, no proxy saying otherwise: no HSTS.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('sends HSTS when a trusted proxy says the request came over TLS (TRUST_PROXY=1)', async () => {
    const res = await gateway.request('GET', '/health/live', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers.get('strict-transport-security')).toBe(HSTS);
  });

  it('lets Swagger UI at /docs run: its scripts are all from our origin, which its CSP allows', async () => {
    const res = await fetch(`${gateway.url}/docs`);
    const html = await res.text();
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe(''); // no inline script, which 'self' would block
      const src = /src=['"]([^'"]+)['"]/.exec(attrs)![1];
      expect(src).not.toMatch(/^(https?:)?\/\//);
      const script = await fetch(new URL(src, `${gateway.url}/docs`));
      expect({ src, status: script.status }).toEqual({ src, status: 200 });
    }
  });

  it("leaves the web app's own stricter page policy in place", async () => {
    const res = await fetch(`${gateway.url}/reports/credits`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('gives the queue board no CSP (Bull Board renders inline scripts) but refuses framing', async () => {
    const res = await fetch(`${gateway.url}/ops/queues`, { redirect: 'manual' });
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
