import { DomainError } from '@glimmer/errors/domain-error';
import { configurePasswordHashing, hashPassword } from './password';
import { Semaphore } from './semaphore';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Semaphore', () => {
  it('runs at most `concurrency` tasks at once and the rest in order', async () => {
    const gate = new Semaphore({ concurrency: 2, queueMax: 10, queueTimeoutMs: 5_000 });
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        gate.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(20);
          order.push(i);
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(gate.active).toBe(0);
  });

  it('refuses a task at once with 429 rate_limited when the queue is full', async () => {
    const gate = new Semaphore({ concurrency: 1, queueMax: 1, queueTimeoutMs: 5_000 });
    const busy = gate.run(() => sleep(50));
    const queued = gate.run(() => Promise.resolve('ran'));
    const refused = gate.run(() => Promise.resolve('ran'));
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited', status: 429 });
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await busy;
    await expect(queued).resolves.toBe('ran');
  });

  it('fails a task that waited past the deadline with 503 dependency_unavailable, and frees its place', async () => {
    const gate = new Semaphore({ concurrency: 1, queueMax: 5, queueTimeoutMs: 20 });
    const busy = gate.run(() => sleep(100));
    await expect(gate.run(() => Promise.resolve())).rejects.toMatchObject({
      code: 'dependency_unavailable',
      status: 503,
    });
    expect(gate.waiting).toBe(0);
    await busy;
    await expect(gate.run(() => Promise.resolve('after'))).resolves.toBe('after');
  });
  it('releases its slot when a task fails', async () => {
    const gate = new Semaphore({ concurrency: 1, queueMax: 0, queueTimeoutMs: 20 });
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(() => Promise.resolve('free'))).resolves.toBe('free');
  });
});

describe('password hashing concurrency', () => {
  afterAll(() =>
    configurePasswordHashing({ concurrency: 2, queueMax: 100, queueTimeoutMs: 3_000 }),
  );

  it('runs scrypt through the semaphore: one at a time, none queued, the second is refused', async () => {
    configurePasswordHashing({ concurrency: 1, queueMax: 0, queueTimeoutMs: 1_000 });
    const [first, second] = await Promise.allSettled([hashPassword('a'), hashPassword('b')]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'rate_limited' } });
  });

  it('queues the rest when there is room, and all finish', async () => {
    configurePasswordHashing({ concurrency: 1, queueMax: 5, queueTimeoutMs: 10_000 });
    const hashes = await Promise.all(['a', 'b', 'c'].map((p) => hashPassword(p)));
    expect(new Set(hashes).size).toBe(3);
  });
});
