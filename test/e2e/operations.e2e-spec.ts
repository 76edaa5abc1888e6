import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { topology } from '@glimmer/messaging/topology';
import { eventually } from '@glimmer/testing/eventually';
import { login, loginOps, signUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem, OPS, QUEUE_BOARD_SECRET, Service } from './support/system';

/** Log lines of one service that carry `correlationId`. */
function linesWith(system: GlimmerSystem, service: Service, correlationId: string): unknown[] {
  return readFileSync(system.logFile(service), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { correlationId?: string })
    .filter((entry) => entry.correlationId === correlationId);
}

/** The value of the series `name` whose labels include `labels`, or undefined. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const line = text
    .split('\n')
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

async function metricsOf(system: GlimmerSystem, service: Service): Promise<string> {
  const res = await fetch(`${system.healthUrl(service)}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

describe('operations (every service as its own process)', () => {
  // debug: the services log each RPC and event they handle, with its correlation id
  // Queue depths in /metrics are cached; this suite reads them right after parking a message.
  const system = new GlimmerSystem('operations', { LOG_LEVEL: 'debug', QUEUE_DEPTH_CACHE_MS: '0' });
  let anon: Api;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
  });

  afterAll(async () => {
    await system.stop();
  });

  it("carries one request's correlation id into the logs of gateway, credit, invoicing and scheduler", async () => {
    const brand = await signUpBrand(anon);
    const correlationId = `ops-e2e-${randomUUID()}`;
    const deposit = await brand.api.request(
      'POST',
      '/v1/credit/deposits',
      { amount: 250_000, costCode: { code: 'OPS-1', name: 'Operations' } },
      { idempotencyKey: randomUUID(), headers: { 'x-correlation-id': correlationId } },
    );
    expect(deposit.status).toBe(201);
    expect(deposit.headers.get('x-correlation-id')).toBe(correlationId);
    // The deposit's event reaches invoicing, whose credit-invoice event makes the scheduler email.
    await eventually(
      () => {
        for (const service of ['gateway', 'credit', 'invoicing', 'scheduler'] as const) {
          if (linesWith(system, service, correlationId).length === 0)
            throw new Error(`no ${service} log line carries ${correlationId}`);
        }
      },
      { timeoutMs: 15_000 },
    );
    await eventually(() => expect(system.smtp.messages.length).toBeGreaterThan(0), {
      timeoutMs: 15_000,
    });
  });

  it('answers liveness and readiness on every back-end service', async () => {
    const expected: Record<string, string[]> = {
      credit: ['database', 'broker'],
      invoicing: ['database', 'broker'],
      scheduler: ['broker', 'redis', 'schedules'],
    };
    for (const [service, checks] of Object.entries(expected)) {
      const url = system.healthUrl(service as Service);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect({ service, status: ready.status }).toEqual({ service, status: 200 });
      const body = (await ready.json()) as { details: Record<string, { status: string }> };
      expect(Object.keys(body.details).sort()).toEqual([...checks].sort());
      expect(Object.values(body.details).every((d) => d.status === 'up')).toBe(true);
    }
  });

  it('exposes Prometheus metrics on every service', async () => {
    const gateway = await metricsOf(system, 'gateway');
    expect(
      sample(gateway, 'glimmer_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/credit/deposits',
        status_code: '201',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(gateway).toMatch(/glimmer_rpc_client_duration_seconds_count\{[^}]*outcome="ok"/);

    const credit = await metricsOf(system, 'credit');
    expect(credit).toContain('process_resident_memory_bytes{service="credit"}');
    expect(credit).toMatch(/glimmer_rpc_server_duration_seconds_count\{[^}]*outcome="ok"/);
    expect(
      sample(credit, 'glimmer_ledger_balance_minor', { kind: 'pending', currency: 'USD' }),
    ).toBeGreaterThanOrEqual(250_000);
    expect(sample(credit, 'glimmer_outbox_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(credit, 'glimmer_outbox_published_total')).toBeGreaterThanOrEqual(1);

    const invoicing = await metricsOf(system, 'invoicing');
    expect(
      sample(invoicing, 'glimmer_events_handled_total', { pattern: 'credit.deposit.pending.v1' }),
    ).toBeGreaterThanOrEqual(1);

    await eventually(async () => {
      const scheduler = await metricsOf(system, 'scheduler');
      expect(
        sample(scheduler, 'glimmer_job_duration_seconds_count', {
          queue: 'notifications',
          outcome: 'ok',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(scheduler, 'glimmer_queue_jobs', { queue: 'notifications', state: 'completed' }),
      ).toBeGreaterThanOrEqual(1);
    });
  });

  it("reaches the scheduler's queue board through the gateway: ops only, the secret only", async () => {
    const board = `${system.baseUrl}/ops/queues`;
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    const anonymous = await fetch(board);
    expect(anonymous.status).toBe(401);
    const brand = await signUpBrand(anon);
    expect((await fetch(board, bearer(brand.token))).status).toBe(403);

    const opsToken = await login(anon, OPS.email, OPS.password);
    const page = await fetch(board, bearer(opsToken));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/ops/queues/"');
    const api = await fetch(`${board}/api/queues`, bearer(opsToken));
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: { name: string }[] };
    expect(queues.map((q) => q.name).sort()).toEqual([
      'deposit-clearing',
      'notifications',
      'offer-expiry',
      'payout-dispatch',
      'sweeps',
    ]);

    // The scheduler's own port: the board answers the secret alone, not an ops token.
    const direct = `${system.healthUrl('scheduler')}/ops/queues/api/queues`;
    expect((await fetch(direct)).status).toBe(403);
    expect((await fetch(direct, bearer(opsToken))).status).toBe(403);
    const withSecret = await fetch(direct, {
      headers: { 'x-glimmer-queue-board': QUEUE_BOARD_SECRET },
    });
    expect(withSecret.status).toBe(200);
  });

  it('parks a malformed event in the dead-letter queue, where ops see and discard it', async () => {
    const ops = await loginOps(anon);
    const connection = await amqplib.connect(system.env.env.RABBITMQ_URL);
    const messageId = randomUUID();
    try {
      const channel = await connection.createConfirmChannel();
      channel.publish(
        topology.eventsExchange(system.env.prefix),
        'credit.deposit.pending.v1',
        Buffer.from(JSON.stringify({ depositId: 'not-a-deposit' })),
        { messageId, type: 'credit.deposit.pending.v1', contentType: 'application/json' },
      );
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
    let parked: { id: string; service: string; errorCode: string }[] = [];
    await eventually(async () => {
      const listed = await ops.get('/v1/ops/dead-letters');
      expect(listed.status).toBe(200);
      parked = listed.body.data.filter((d: { id: string }) => d.id === messageId);
      // invoicing and the scheduler both consume the event, and both refuse it
      expect(parked.map((d) => d.service).sort()).toEqual(['invoicing', 'scheduler']);
    });
    expect(parked.every((d) => d.errorCode === 'validation_failed')).toBe(true);
    const gateway = await metricsOf(system, 'gateway');
    expect(sample(gateway, 'glimmer_dead_letter_queue_depth', { consumer: 'invoicing' })).toBe(1);

    expect((await ops.delete(`/v1/ops/dead-letters/${messageId}`)).status).toBe(200);
    expect((await ops.delete(`/v1/ops/dead-letters/${messageId}`)).status).toBe(200);
    expect((await ops.delete(`/v1/ops/dead-letters/${messageId}`)).status).toBe(404);
    expect((await ops.get('/v1/ops/dead-letters')).body.data).toEqual([]);
  });
});
