import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';

/**
 * Browser sessions. The access token travels in an HttpOnly cookie the page's scripts cannot
 * read (an XSS cannot steal it); SameSite=Strict keeps other sites' pages from sending it.
 * State-changing requests authenticated by the cookie must also echo the CSRF token in
 * `X-CSRF-Token`: the token is readable by our own scripts only (a cookie on our origin) and is
 * an HMAC of the session token, so it cannot be forged or replayed across sessions
 * (defence in depth behind SameSite, e.g. for browsers that ignore it).
 */
export const SESSION_COOKIE = 'glimmer_session';
export const CSRF_COOKIE = 'glimmer_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfTokenFor(secret: string, sessionToken: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionToken}`).digest('base64url');
}

/** True when a cookie-authenticated request may go on: safe method, or the right CSRF header. */
export function csrfHolds(req: Request, secret: string, sessionToken: string): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionToken));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function sessionTokenFrom(req: Request): string | undefined {
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
  const token = cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && token.length > 0 ? token : undefined;
}

function baseOptions(secure: boolean): CookieOptions {
  return { path: '/', sameSite: 'strict', secure };
}

export function setSessionCookies(
  res: Response,
  {
    token,
    secret,
    maxAgeSeconds,
    secure,
  }: { token: string; secret: string; maxAgeSeconds: number; secure: boolean },
): void {
  const maxAge = maxAgeSeconds * 1000;
  res.cookie(SESSION_COOKIE, token, { ...baseOptions(secure), httpOnly: true, maxAge });
  res.cookie(CSRF_COOKIE, csrfTokenFor(secret, token), { ...baseOptions(secure), maxAge });
}

export function clearSessionCookies(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { ...baseOptions(secure), httpOnly: true });
  res.clearCookie(CSRF_COOKIE, baseOptions(secure));
}
