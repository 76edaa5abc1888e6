import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@glimmer/config/config';
import { QUEUE_BOARD_SECRET_HEADER } from '@glimmer/contracts/scheduler/queue-board';
import { bullPrefix, QueueName } from '@glimmer/contracts/scheduler/queues';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { SchedulerConfig, schedulerConfigSchema } from '../scheduler.config';
import { migrateScheduler } from '../scheduler.migrate';
import { SchedulerModule } from '../scheduler.module';

const SECRET = 'queue-board-int-spec-secret-0123456789abcdef';
const PROBLEM_JSON = /^application\/problem\+json/;

describe('the queue board on the scheduler health port: Bull Board for the gateway only', () => {
  let env: TestEnv;
  let config: SchedulerConfig;
  let app: INestApplication;
  let url: string;
  let queue: Queue;

  beforeAll(async () => {
    env = await createTestEnv('qboard');
    config = loadConfig(schedulerConfigSchema, { ...env.env, QUEUE_BOARD_SECRET: SECRET });
    await migrateScheduler(config);
    app = await bootstrapService(SchedulerModule.forRoot(config), 0);
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    queue = new Queue(QueueName.OfferExpiry, {
      connection: { url: config.REDIS_URL },
      prefix: bullPrefix(config.GLIMMER_PREFIX),
    });
  });

  afterAll(async () => {
    await queue?.close();
    await app?.close();
    await env?.destroy();
  });

  const withSecret = (secret = SECRET) => ({ headers: { [QUEUE_BOARD_SECRET_HEADER]: secret } });

  it('serves the board and its API over the scheduler queues to a request with the secret', async () => {
    await queue.add('expire-offer', { offerId: 'x' }, { jobId: 'board-probe', delay: 3_600_000 });

    const page = await fetch(`${url}/ops/queues`, withSecret());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    // Its assets and API calls are addressed under the gateway's path, which is the same.
    const html = await page.text();
    expect(html).toContain('<base href="/ops/queues/"');
    const script = /src="(static\/js\/main\.[\w.]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${url}/ops/queues/${script}`, withSecret());
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);

    const api = await fetch(`${url}/ops/queues/api/queues`, withSecret());
    expect(api.status).toBe(200);
    const body = (await api.json()) as {
      queues: { name: string; counts: Record<string, number> }[];
    };
    expect(body.queues.map((q) => q.name).sort()).toEqual([
      'deposit-clearing',
      'notifications',
      'offer-expiry',
      'payout-dispatch',
      'sweeps',
    ]);
    expect(body.queues.find((q) => q.name === 'offer-expiry')?.counts.delayed).toBe(1);
  });

  it('refuses (403 problem+json) a request without the secret or with a wrong one', async () => {
    for (const [path, init] of [
      ['/ops/queues', {}],
      ['/ops/queues/api/queues', {}],
      ['/ops/queues/api/queues', withSecret('x'.repeat(SECRET.length))],
      ['/ops/queues', withSecret(`${SECRET}-and-more`)],
      ['/ops/queues', { headers: { authorization: `Bearer ${SECRET}` } }],
    ] as const) {
      const res = await fetch(`${url}${path}`, init);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(res.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(await res.json()).toMatchObject({ code: 'forbidden', instance: path });
    }
  });

  it('still serves health and metrics on the same port without the secret', async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });
});
