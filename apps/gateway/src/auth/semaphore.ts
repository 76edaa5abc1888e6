import { DomainError } from '@glimmer/errors/domain-error';

export interface SemaphoreOptions {
  /** Tasks running at once. */
  concurrency: number;
  /** Tasks allowed to wait; one more is refused at once with 429 `rate_limited`. */
  queueMax: number;
  /** How long a task may wait for its turn before it fails with 503 `dependency_unavailable`. */
  queueTimeoutMs: number;
}

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

/**
 * A counting semaphore with a bounded, deadlined queue (a few lines rather than p-limit, which
 * is ESM-only and has neither a queue bound nor a deadline). Used around scrypt so a flood of
 * logins cannot occupy every libuv thread and stall sign-ups, invites and file I/O.
 */
export class Semaphore {
  private running = 0;
  private readonly queue: Waiter[] = [];

  constructor(private readonly options: SemaphoreOptions) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.options.queueMax) {
      return Promise.reject(
        new DomainError('rate_limited', 'Too many sign-ins at once: try again in a moment', {
          meta: { retryAfterSeconds: 1 },
        }),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          this.running++;
          resolve();
        },
        timer: setTimeout(() => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          reject(
            new DomainError('dependency_unavailable', 'Sign-in is busy: try again in a moment'),
          );
        }, this.options.queueTimeoutMs),
      };
      this.queue.push(waiter);
    });
  }

  private release(): void {
    this.running--;
    this.queue.shift()?.start();
  }
}
