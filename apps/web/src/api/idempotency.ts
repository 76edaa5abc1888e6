/**
 * One Idempotency-Key per user action. The key is made when a form is first submitted and kept
 * (in sessionStorage, so a reload mid-submit keeps it) under the action's name and a
 * fingerprint of what is sent: a double click, a retry after a network error or a 5xx/504, or
 * the same form sent again after a reload all carry the same key, and the server answers with
 * the first outcome instead of moving money twice. Once the server has given a final answer
 * (success, or a refusal such as a 409), the key is dropped: the next submit is a new action.
 */
const PREFIX = 'glimmer.idempotency.';
// The gateway remembers keys for IDEMPOTENCY_TTL_HOURS (24 h by default); stay well inside.
const MAX_AGE_MS = 12 * 60 * 60 * 1000;

function fingerprint(action: string, body: unknown): string {
  const text = `${action}:${JSON.stringify(body)}`;
  // FNV-1a: a short, stable name for the storage slot (not a secret, not a security boundary).
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${PREFIX}${action}.${(hash >>> 0).toString(36)}`;
}

export function idempotencyKeyFor(action: string, body: unknown): string {
  const slot = fingerprint(action, body);
  try {
    const stored = JSON.parse(sessionStorage.getItem(slot) ?? 'null') as {
      key: string;
      at: number;
    } | null;
    if (stored && Date.now() - stored.at < MAX_AGE_MS) return stored.key;
  } catch {
    /* unreadable slot: make a new key */
  }
  const key = crypto.randomUUID();
  try {
    sessionStorage.setItem(slot, JSON.stringify({ key, at: Date.now() }));
  } catch {
    /* storage full or disabled: the key still guards this page's retries */
  }
  return key;
}

export function settleIdempotencyKey(action: string, body: unknown): void {
  try {
    sessionStorage.removeItem(fingerprint(action, body));
  } catch {
    /* nothing stored */
  }
}

/**
 * Whether an answer is final for its key, so the next submit is a new action: a success or a
 * refusal is; a network failure, a 5xx/504 (the service may still have done it), a request
 * still in progress or a rate limit are not — the retry must carry the same key.
 */
export function isFinalAnswer(status: number, code?: string): boolean {
  if (status === 0 || status >= 500 || status === 429) return false;
  return code !== 'idempotency_request_in_progress';
}
