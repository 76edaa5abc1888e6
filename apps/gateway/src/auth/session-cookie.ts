import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import type { GatewayConfig } from '../gateway.config';

/**
 * Browser sessions. The access token travels in an HttpOnly cookie the page's scripts cannot
 * read (an XSS cannot steal it); SameSite=Strict keeps other sites' pages from sending it.
 * The refresh token is a second HttpOnly cookie sent only to the refresh route (its path).
 * State-changing requests authenticated by the cookie must also echo the CSRF token in
 * `X-CSRF-Token`: the token is readable by our own scripts only (a cookie on our origin) and is
 * an HMAC of the session's id, so it cannot be forged or replayed across sessions and stays the
 * same while the session's tokens rotate (defence in depth behind SameSite, e.g. for browsers
 * that ignore it).
 */
export const SESSION_COOKIE = 'glimmer_session';
export const REFRESH_COOKIE = 'glimmer_refresh';
export const CSRF_COOKIE = 'glimmer_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The browser's refresh route: the only path the refresh cookie is sent to. */
export const REFRESH_PATH = '/v1/auth/session/refresh';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

/** True when a cookie-authenticated request may go on: safe method, or the right CSRF header. */
export function csrfHolds(req: Request, secret: string, sessionId: string): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length === 0) return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionId));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function cookie(req: Request, name: string): string | undefined {
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
  const value = cookies?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function sessionTokenFrom(req: Request): string | undefined {
  return cookie(req, SESSION_COOKIE);
}

export function refreshTokenFrom(req: Request): string | undefined {
  return cookie(req, REFRESH_COOKIE);
}

/** Session cookies' Secure flag (COOKIE_SECURE; `auto`: when the request came over TLS). */
export function cookiesSecure(config: Pick<GatewayConfig, 'COOKIE_SECURE'>, req: Request): boolean {
  if (config.COOKIE_SECURE === 'always') return true;
  if (config.COOKIE_SECURE === 'never') return false;
  return req.secure;
}

function baseOptions(secure: boolean, path = '/'): CookieOptions {
  return { path, sameSite: 'strict', secure };
}

/**
 * All three cookies live as long as the session: an expired access token is still sent, so
 * the gateway can answer 401 `token_expired` and the page refreshes instead of logging out.
 */
export function setSessionCookies(
  res: Response,
  session: {
    accessToken: string;
    refreshToken: string;
    sessionId: string;
    expiresAt: Date;
    secret: string;
    secure: boolean;
  },
): void {
  const maxAge = Math.max(0, session.expiresAt.getTime() - Date.now());
  const { secure } = session;
  res.cookie(SESSION_COOKIE, session.accessToken, {
    ...baseOptions(secure),
    httpOnly: true,
    maxAge,
  });
  res.cookie(REFRESH_COOKIE, session.refreshToken, {
    ...baseOptions(secure, REFRESH_PATH),
    httpOnly: true,
    maxAge,
  });
  res.cookie(CSRF_COOKIE, csrfTokenFor(session.secret, session.sessionId), {
    ...baseOptions(secure),
    maxAge,
  });
}

export function clearSessionCookies(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { ...baseOptions(secure), httpOnly: true });
  res.clearCookie(REFRESH_COOKIE, { ...baseOptions(secure, REFRESH_PATH), httpOnly: true });
  res.clearCookie(CSRF_COOKIE, baseOptions(secure));
}
