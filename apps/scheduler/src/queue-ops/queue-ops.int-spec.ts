import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, INestApplication, Module } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { loadConfig } from '@glimmer/config/config';
import { ConfigModule } from '@glimmer/config/config.module';
import type { Actor } from '@glimmer/contracts/actor';
import { ListStuckJobsRpc, RetryFailedJobsRpc } from '@glimmer/contracts/scheduler/jobs.messages';
import { bullPrefix, QueueName } from '@glimmer/contracts/scheduler/queues';
import { MessagingModule } from '@glimmer/messaging/messaging.module';
import { messagingOptionsFrom } from '@glimmer/messaging/messaging.options';
import { LoggerModule } from '@glimmer/observability/logger.module';
import { MetricsModule } from '@glimmer/observability/metrics';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { eventually } from '@glimmer/testing/eventually';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { bullOptions } from '../jobs/bull-options';
import { SchedulerConfig, schedulerConfigSchema } from '../scheduler.config';
import { migrateScheduler } from '../scheduler.migrate';
import { QueueOpsModule } from './queue-ops.module';

const OPS: Actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'ops', name: 'Ops' };
const BRAND: Actor = {
  userId: '00000000-0000-4000-8000-000000000002',
  role: 'brand',
  brandId: '00000000-0000-4000-8000-000000000003',
  name: 'Brand',
};

/**
 * The queue ops RPCs alone (no workers of the scheduler's own, so the test's worker decides
 * what fails), served as the scheduler serves them: the start-up check accepts this module only
 * because it answers exactly the scheduler's RPCs.
 */
@Module({})
class QueueOpsTestModule {
  static forRoot(config: SchedulerConfig): DynamicModule {
    return {
      module: QueueOpsTestModule,
      imports: [
        ConfigModule.forValue(config),
        LoggerModule.forService('scheduler', config.LOG_LEVEL),
        MessagingModule.forService(messagingOptionsFrom('scheduler', config), { database: false }),
        BullModule.forRoot(bullOptions(config)),
        QueueOpsModule,
        MetricsModule.forService('scheduler'),
      ],
    };
  }
}

describe('queue ops over RPC: stuck jobs found and re-enqueued (real Redis)', () => {
  let env: TestEnv;
  let config: SchedulerConfig;
  let app: INestApplication;
  let broker: BrokerTestClient;
  let queue: Queue;

  beforeAll(async () => {
    env = await createTestEnv('queueops');
    config = loadConfig(schedulerConfigSchema, env.env);
    await migrateScheduler(config);
    app = await bootstrapService(QueueOpsTestModule.forRoot(config), 0, []);
    broker = await new BrokerTestClient({ prefix: env.prefix, url: config.RABBITMQ_URL }).start();
    queue = new Queue(QueueName.PayoutDispatch, {
      connection: { url: config.REDIS_URL },
      prefix: bullPrefix(config.GLIMMER_PREFIX),
    });
  });

  afterAll(async () => {
    await queue?.close();
    await broker?.stop();
    await app?.close();
    await env?.destroy();
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

    const stuck = await broker.rpc.call(ListStuckJobsRpc, {
      actor: OPS,
      queue: QueueName.PayoutDispatch,
    });
    expect(stuck).toEqual({
      [QueueName.PayoutDispatch]: {
        failed: [{ id: 'failing', name: 'dispatch-payout', reason: 'provider down' }],
        overdue: [{ id: 'late', name: 'dispatch-payout', dueAt: expect.any(String) }],
      },
    });
    const dueAt = Date.parse(stuck[QueueName.PayoutDispatch]!.overdue[0].dueAt);
    expect(dueAt).toBeLessThan(Date.now() - 60_000);

    const all = await broker.rpc.call(ListStuckJobsRpc, { actor: OPS });
    expect(Object.keys(all).sort()).toEqual(Object.values(QueueName).sort());

    const retried = await broker.rpc.call(RetryFailedJobsRpc, {
      actor: OPS,
      queue: QueueName.PayoutDispatch,
    });
    expect(retried).toEqual({ [QueueName.PayoutDispatch]: { retried: 1 } });
    worker.resume();
    await eventually(async () => expect(await queue.getJobState('failing')).toBe('completed'));
    expect(runs).toBe(2);
    await worker.close();
  });

  it('is for ops only, and refuses an unknown queue', async () => {
    await expect(broker.rpc.call(RetryFailedJobsRpc, { actor: BRAND })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      broker.rpc.call(ListStuckJobsRpc, { actor: OPS, queue: 'nope' as QueueName }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
