import { DomainError } from '@glimmer/errors/domain-error';

/**
 * Runs `work` against Redis with a deadline. With Redis down, ioredis queues commands until it
 * reconnects: without a deadline a message handler would hang instead of failing (and being
 * retried by the transport).
 */
export async function withRedisDeadline<T>(
  what: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DomainError(
            'dependency_timeout',
            `Redis did not answer (${what}) within ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([work(), deadline]);
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError(
      'dependency_unavailable',
      `Redis failed (${what}): ${(err as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
