import { withDeadline } from '@glimmer/errors/deadline';
import { DomainError } from '@glimmer/errors/domain-error';

/**
 * Runs `work` against Redis with a deadline. With Redis down, ioredis queues commands until it
 * reconnects: without a deadline a message handler would hang instead of failing (and being
 * retried by the transport). Past the deadline: `dependency_timeout`; a Redis error:
 * `dependency_unavailable`.
 */
export async function withRedisDeadline<T>(
  what: string,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await withDeadline(
      timeoutMs,
      work(),
      () =>
        new DomainError(
          'dependency_timeout',
          `Redis did not answer (${what}) within ${timeoutMs} ms`,
        ),
    );
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError(
      'dependency_unavailable',
      `Redis failed (${what}): ${(err as Error).message}`,
    );
  }
}
