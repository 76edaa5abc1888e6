import createClient, { type Middleware } from 'openapi-fetch';
import { ApiProblem, type Problem } from './problem';
import type { paths } from './schema';

export const CSRF_COOKIE = 'glimmer_csrf';
export const SESSION_EXPIRED_EVENT = 'glimmer:session-expired';

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The session is an HttpOnly cookie the browser sends by itself; state-changing requests echo
 * the readable CSRF cookie in X-CSRF-Token, as the gateway requires (the CSRF token belongs to
 * the session, so it stays valid across refreshes). A 401 outside the login calls, after the
 * refresh below, tells the app the session is gone, so it can send the user to log in and back.
 */
const session: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const csrf = readCookie(CSRF_COOKIE);
      if (csrf) request.headers.set('x-csrf-token', csrf);
    }
    return request;
  },
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    // /v1/me answering 401 only means nobody is logged in (RequireRole handles that).
    if (response.status === 401 && !path.startsWith('/v1/auth/') && path !== '/v1/me')
      window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
    return response;
  },
};

/** The login and refresh routes: their 401s are answers, not an expired session. */
const NO_REFRESH = new Set(['/v1/auth/session', '/v1/auth/session/refresh', '/v1/auth/login']);

let refreshing: Promise<void> | null = null;

/**
 * Trades the HttpOnly refresh cookie (sent by the browser to this route only) for new session
 * cookies. One at a time per page: requests that expired together wait for the same refresh.
 */
function refreshSession(): Promise<void> {
  refreshing ??= (async () => {
    const csrf = readCookie(CSRF_COOKIE);
    await fetch('/v1/auth/session/refresh', {
      method: 'POST',
      headers: csrf ? { 'x-csrf-token': csrf } : {},
      credentials: 'same-origin',
    }).catch(() => undefined);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Access tokens are short-lived (15 min): a 401 `token_expired` refreshes the session once and
 * sends the request again. The retry goes even when this page's refresh failed, since another
 * tab may have refreshed the cookies first; a 401 after that is a real end of the session.
 */
async function fetchWithRefresh(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (NO_REFRESH.has(path)) return fetch(request);
  // The body read once (not a teed stream), so the request can be sent again after a refresh.
  const body = request.body ? await request.arrayBuffer() : undefined;
  const send = () => fetch(new Request(request, { body }));
  const response = await send();
  if (response.status !== 401) return response;
  const code = await response
    .clone()
    .json()
    .then((body: { code?: string }) => body.code)
    .catch(() => undefined);
  if (code !== 'token_expired') return response;
  await refreshSession();
  return send();
}

/** The typed client, generated from the gateway's OpenAPI document (api/schema.d.ts). */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  fetch: fetchWithRefresh,
});
api.use(session);

/**
 * Awaits an openapi-fetch call and returns its data, or throws ApiProblem with the server's
 * problem+json (status 0 when the network failed), so every caller handles errors one way.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (err) {
    throw new ApiProblem({ status: 0, code: 'network_error', detail: (err as Error).message });
  }
  if (result.response.ok) return result.data as T;
  const body = (typeof result.error === 'object' && result.error) || {};
  throw new ApiProblem({ ...(body as Problem), status: result.response.status });
}

/** A fresh Idempotency-Key header value (see idempotency.ts for when a key is reused). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
