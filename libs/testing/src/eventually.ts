/**
 * Polls `probe` until it returns without throwing (and, if given, `until` holds), for
 * asynchronous outcomes such as an event consumed by another service. Fails with the last
 * error after `timeoutMs`; it never sleeps longer than needed.
 */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  { timeoutMs = 15_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
