import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A thin fetch client for the gateway, as an API client would use it. */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string): Api {
    return new Api(this.baseUrl, token);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: {
      idempotencyKey?: string | null;
      headers?: Record<string, string>;
      raw?: string;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined || options.raw !== undefined)
      headers['content-type'] ??= 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    // E2E_TRACE=<file> logs every request a test makes, for finding where a test stalls.
    if (process.env.E2E_TRACE) appendFileSync(process.env.E2E_TRACE, `${method} ${path}\n`);
    const send = () =>
      fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
    const res = await send().catch((err: unknown) => {
      // A GET on a pooled connection the gateway closed as idle (Node's 5 s keep-alive) just as
      // it was reused: sent again once, as browsers do; it has no effect to double.
      if (method !== 'GET' || !reusedSocketClosed(err)) throw err;
      return send();
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** POST with a fresh Idempotency-Key unless one is given (null sends none). */
  post<T = any>(path: string, body?: unknown, idempotencyKey: string | null = randomUUID()) {
    return this.request<T>('POST', path, body, { idempotencyKey });
  }
}

/** undici's "other side closed": the server ended a kept-alive connection under the request. */
function reusedSocketClosed(err: unknown): boolean {
  return (err as { cause?: { code?: string } })?.cause?.code === 'UND_ERR_SOCKET';
}

/** What a careful client saw while retrying one request until it had an answer to act on. */
export interface FinalAnswer<T = any> {
  res: ApiResponse<T>;
  /** Each earlier attempt's outcome: a transport error code, or `<status> <problem code>`. */
  transient: string[];
}

/** An answer that says "try again": a 5xx, rate limited, or the same key still in flight. */
export function isTransient(res: ApiResponse): boolean {
  return (
    res.status >= 500 ||
    res.status === 429 ||
    (res.status === 409 && res.body?.code === 'idempotency_request_in_progress')
  );
}

/**
 * Sends `send` (which must reuse one Idempotency-Key) until it gets a final answer: not a
 * network error and not transient. Fails after `deadlineMs` with everything it saw.
 */
export async function untilFinal<T = any>(
  send: () => Promise<ApiResponse<T>>,
  { deadlineMs = 120_000, pauseMs = 300 }: { deadlineMs?: number; pauseMs?: number } = {},
): Promise<FinalAnswer<T>> {
  const transient: string[] = [];
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      const res = await send();
      if (!isTransient(res)) return { res, transient };
      transient.push(`${res.status} ${(res.body as { code?: string })?.code ?? ''}`.trim());
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      transient.push(cause?.code ?? cause?.message ?? String(err));
    }
    if (Date.now() > deadline)
      throw new Error(`no final answer within ${deadlineMs} ms: ${transient.join(', ')}`);
    await new Promise((r) => setTimeout(r, pauseMs + Math.floor(Math.random() * pauseMs)));
  }
}
