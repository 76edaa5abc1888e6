import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import compression from 'compression';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

/** Paths the gateway itself answers; everything else that asks for HTML is the web app. */
const SERVER_PATHS = /^\/(v1|docs|docs-json|health|metrics|ops\/queues)(\/|$|\?|-)/;

/**
 * The policy for the app's pages: scripts only from our origin (no inline script, so an
 * injected `<script>` does not run), no framing, no plugins. Mantine sets inline styles and
 * CSS variables, hence 'unsafe-inline' for styles only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function webAppDir(configured: string | undefined): string {
  // Compiled to dist/apps/gateway/src/http; the web build lands in dist/web.
  return configured ? resolve(configured) : join(__dirname, '..', '..', '..', '..', 'web');
}

/**
 * Serves the built web app on the gateway's origin: hashed assets cached for a year, and
 * index.html (never cached, so a deploy is picked up at once) for every browser route such as
 * `/credits` or `/invites/accept?token=…`. A build that is missing answers 404 for pages
 * instead of failing the API.
 */
export function webApp(dir: string): RequestHandler {
  const index = join(dir, 'index.html');
  const assets = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders(res, path) {
      if (path.includes(`${join(dir, 'assets')}`))
        res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  // Pages and assets only: the API's JSON stays uncompressed (small, and latency-bound).
  const compress = compression();
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path))
      return next();
    compress(req, res, () => serve(req, res, next));
  };

  function serve(req: Request, res: Response, next: NextFunction): void {
    assets(req, res, () => {
      if (!req.accepts('html') || !existsSync(index)) return next();
      res.setHeader('cache-control', 'no-cache');
      res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'same-origin');
      res.sendFile(index);
    });
  }
}
