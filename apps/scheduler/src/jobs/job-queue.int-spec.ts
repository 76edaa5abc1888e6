import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { QUEUE_NAMES, QueueName } from './queue-names';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import type { SchedulerConfig } from '../scheduler.config';
import { bullOptions } from './bull-options';
import { JobQueue } from './job-queue.service';
import { jobIds, JobName } from './job-types';

/** JobQueue.enqueue against real Redis: concurrent plain enqueues share one addBulk. */
describe('JobQueue.enqueue in bulk', () => {
  let env: TestEnv;
  let queues: Record<QueueName, Queue>;
  let jobs: JobQueue;

  beforeAll(async () => {
    env = await createTestEnv('jobqueue');
    const config = {
      REDIS_URL: env.env.REDIS_URL,
      GLIMMER_PREFIX: env.prefix,
      RPC_TIMEOUT_MS: 5_000,
    } as SchedulerConfig;
    queues = Object.fromEntries(
      QUEUE_NAMES.map((name) => [name, new Queue(name, bullOptions(config))]),
    ) as Record<QueueName, Queue>;
    jobs = new JobQueue(
      queues[QueueName.DepositClearing],
      queues[QueueName.Sweeps],
      queues[QueueName.Notifications],
      queues[QueueName.OfferExpiry],
      queues[QueueName.PayoutDispatch],
      config,
    );
  });

  afterAll(async () => {
    await Promise.allSettled(Object.values(queues ?? {}).map((q) => q.close()));
    await env?.destroy();
  });

  const dispatch = (payoutId: string, delay: number) =>
    jobs.enqueue(
      JobName.DispatchPayout,
      { payoutId, attempt: 1, correlationId: 'test' },
      { jobId: jobIds.payoutDispatch(payoutId, 1), delay },
    );

  it('adds concurrent jobs in one addBulk and tells each caller added or exists', async () => {
    const [before, a, b] = [randomUUID(), randomUUID(), randomUUID()];
    await expect(dispatch(before, 60_000)).resolves.toBe('added');
    const bulkAddsBefore = jobs.bulkAdds;
    const results = await Promise.all([
      dispatch(a, 60_000),
      dispatch(before, 60_000),
      dispatch(b, 120_000),
      dispatch(a, 60_000),
    ]);
    expect(results).toEqual(['added', 'exists', 'added', 'exists']);
    expect(jobs.bulkAdds).toBe(bulkAddsBefore + 1);
    const queue = queues[QueueName.PayoutDispatch];
    for (const id of [before, a, b]) {
      const job = await queue.getJob(jobIds.payoutDispatch(id, 1));
      expect(await job?.getState()).toBe('delayed');
      expect(job?.data).toMatchObject({ payoutId: id, attempt: 1 });
    }
    expect((await queue.getJob(jobIds.payoutDispatch(b, 1)))?.delay).toBe(120_000);
    expect(await queue.getJobCounts('delayed')).toEqual({ delayed: 3 });
    // A second round: everything exists, nothing is added.
    await expect(Promise.all([dispatch(a, 0), dispatch(b, 0)])).resolves.toEqual([
      'exists',
      'exists',
    ]);
    expect(jobs.bulkAdds).toBe(bulkAddsBefore + 1);
  });

  it('routes each job to its own queue, one addBulk per queue', async () => {
    const depositId = randomUUID();
    const payoutId = randomUUID();
    const bulkAddsBefore = jobs.bulkAdds;
    const results = await Promise.all([
      jobs.enqueue(
        JobName.ClearDeposit,
        { depositId, correlationId: 'test' },
        { jobId: jobIds.clearDeposit(depositId), delay: 60_000 },
      ),
      dispatch(payoutId, 60_000),
    ]);
    expect(results).toEqual(['added', 'added']);
    expect(jobs.bulkAdds).toBe(bulkAddsBefore + 2);
    expect(
      await queues[QueueName.DepositClearing].getJob(jobIds.clearDeposit(depositId)),
    ).toBeTruthy();
    expect(
      await queues[QueueName.PayoutDispatch].getJob(jobIds.payoutDispatch(payoutId, 1)),
    ).toBeTruthy();
  });
});
