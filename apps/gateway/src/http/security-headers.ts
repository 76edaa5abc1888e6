import type { NextFunction, Request, Response } from 'express';

/**
 * The headers helmet (v8) sets by default, on every gateway response. Written out here rather
 * than taken from the `helmet` package, which this repository does not depend on yet; the
 * values are helmet's, except where a path needs its own policy:
 *
 * - the API (`/v1`, `/health`, `/metrics`, `/docs-json`) answers JSON, CSV and files, never a
 *   page: `default-src 'none'` — nothing it returns may run or load anything;
 * - `/docs` (Swagger UI) loads its own scripts and styles from our origin, with inline styles
 *   and `data:` icons, and calls `/docs-json`;
 * - the web app's pages set their own, stricter policy (`web-app.ts`), replacing these;
 * - the queue board (`/ops/queues`, Bull Board) renders inline scripts, so it keeps no CSP
 *   (it is behind the ops login and framing is still refused).
 *
 * HSTS is sent only on requests that came over TLS (`req.secure`, so behind a proxy it needs
 * TRUST_PROXY): browsers ignore it over plain HTTP, and a local demo must stay reachable.
 */
const API_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const DOCS_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON: Record<string, string> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

export const HSTS = 'max-age=31536000; includeSubDomains';

export function contentSecurityPolicyFor(path: string): string | undefined {
  if (path === '/ops/queues' || path.startsWith('/ops/queues/')) return undefined;
  if (path === '/docs' || path.startsWith('/docs/')) return DOCS_POLICY;
  return API_POLICY;
}

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  for (const [name, value] of Object.entries(COMMON)) res.setHeader(name, value);
  const policy = contentSecurityPolicyFor(req.path);
  if (policy) res.setHeader('content-security-policy', policy);
  if (req.secure) res.setHeader('strict-transport-security', HSTS);
  next();
}
