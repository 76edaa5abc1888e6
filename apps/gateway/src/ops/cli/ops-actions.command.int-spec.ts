import { Queue, Worker } from 'bullmq';
import { loadConfig } from '@glimmer/config/config';
import { bullPrefix, QueueName } from '@glimmer/contracts/scheduler/queues';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { eventually } from '@glimmer/testing/eventually';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { GatewayConfig, gatewayConfigSchema } from '../../gateway.config';
import { EXIT } from './dead-letters.command';
import { OpsActionPorts, runOpsAction } from './ops-actions.command';

/** jobs:stuck and jobs:retry against a real Redis, in the test's own BullMQ prefix. */
describe('ops CLI: stuck jobs found and re-enqueued (real Redis)', () => {
  let env: TestEnv;
  let config: GatewayConfig;
  let queue: Queue;
  let ports: OpsActionPorts;

  beforeAll(async () => {
    env = await createTestEnv('opsjobs');
    config = loadConfig(gatewayConfigSchema, env.env);
    const connection = { url: config.REDIS_URL };
    queue = new Queue(QueueName.PayoutDispatch, {
      connection,
      prefix: bullPrefix(config.GLIMMER_PREFIX),
    });
    // The RPC commands are not exercised here (they are the HTTP routes' RPCs, covered by e2e).
    ports = { queue: () => queue, rpc: undefined as unknown as RpcClient };
  });

  afterAll(async () => {
    await queue.close();
    await env.destroy();
  });

  it('lists a failed job and an overdue delayed one, and retries the failed job once', async () => {
    await queue.add('dispatch-payout', { n: 1 }, { jobId: 'failing', attempts: 1 });
    let runs = 0;
    const worker = new Worker(
      QueueName.PayoutDispatch,
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('provider down');
      },
      { connection: { url: config.REDIS_URL }, prefix: bullPrefix(config.GLIMMER_PREFIX) },
    );
    await eventually(async () => expect(await queue.getJobState('failing')).toBe('failed'));
    await worker.pause();
    // A delayed job whose time passed long ago: what a scheduler that was down leaves behind.
    await queue.add('dispatch-payout', { n: 2 }, { jobId: 'late', delay: 60_000 });
    const redis = await queue.client;
    await redis.hset(`${bullPrefix(config.GLIMMER_PREFIX)}:${QueueName.PayoutDispatch}:late`, {
      timestamp: String(Date.now() - 3_600_000),
    });

    const stuck = await runOpsAction(ports, 'jobs:stuck', ['--queue', QueueName.PayoutDispatch]);
    expect(stuck.exitCode).toBe(EXIT.ok);
    expect(stuck.output).toEqual({
      [QueueName.PayoutDispatch]: {
        failed: [{ id: 'failing', name: 'dispatch-payout', reason: 'provider down' }],
        overdue: [{ id: 'late', name: 'dispatch-payout', dueAt: expect.any(Date) }],
      },
    });

    const retried = await runOpsAction(ports, 'jobs:retry', [
      `--queue=${QueueName.PayoutDispatch}`,
    ]);
    expect(retried.output).toEqual({ [QueueName.PayoutDispatch]: { retried: 1 } });
    worker.resume();
    await eventually(async () => expect(await queue.getJobState('failing')).toBe('completed'));
    expect(runs).toBe(2);
    await worker.close();
  });

  it.each([
    { command: 'jobs:retry' as const, args: ['--queue', 'nope'], detail: /--queue must be one of/ },
    { command: 'jobs:stuck' as const, args: ['extra'], detail: /unexpected arguments/ },
    { command: 'payout:show' as const, args: [], detail: /exactly one id/ },
    { command: 'payout:retry' as const, args: ['not-a-uuid'], detail: /exactly one id/ },
    { command: 'deposit:confirm-funds' as const, args: ['a', 'b'], detail: /exactly one id/ },
  ])(
    '$command $args is a usage error (exit 2), nothing done',
    async ({ command, args, detail }) => {
      const result = await runOpsAction(ports, command, args);
      expect(result.exitCode).toBe(EXIT.usage);
      expect(result.output).toMatchObject({
        error: 'usage',
        detail: expect.stringMatching(detail),
      });
    },
  );
});
