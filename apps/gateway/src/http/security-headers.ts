import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * helmet's default headers on every gateway response (framing refused outright), with a Content-Security-Policy per kind
 * of answer:
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
type Directives = Record<string, string[]>;

const API_POLICY: Directives = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

const DOCS_POLICY: Directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const HSTS_MAX_AGE_SECONDS = 31_536_000;
export const HSTS = `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`;

type Policy = 'api' | 'docs' | 'none';

function policyFor(path: string): Policy {
  if (path === '/ops/queues' || path.startsWith('/ops/queues/')) return 'none';
  if (path === '/docs' || path.startsWith('/docs/')) return 'docs';
  return 'api';
}

function helmetWith(policy: Policy, overTls: boolean) {
  const directives = policy === 'api' ? API_POLICY : policy === 'docs' ? DOCS_POLICY : null;
  return helmet({
    contentSecurityPolicy: directives ? { useDefaults: false, directives } : false,
    // Nothing of ours is meant to be framed, not even by our own pages (helmet: SAMEORIGIN).
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: overTls
      ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true, preload: false }
      : false,
  });
}

/** One helmet middleware per (policy, TLS or not), built once. */
const MIDDLEWARES = new Map(
  (['api', 'docs', 'none'] as const).flatMap((policy) =>
    [true, false].map((overTls) => [`${policy}:${overTls}`, helmetWith(policy, overTls)] as const),
  ),
);

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  MIDDLEWARES.get(`${policyFor(req.path)}:${req.secure}`)!(req, res, next);
}
