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
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
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
