import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QUEUE_BOARD_SECRET_HEADER } from '@glimmer/contracts/scheduler/queue-board';
import { HEADERS, topology } from '@glimmer/messaging/topology';
import { GatewayUnderTest, startGatewayUnderTest } from '../testing/gateway-harness';

const PROBLEM_JSON = /^application\/problem\+json/;

/** The value of the series `name` whose labels include `labels` (in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${name}{`) &&
        Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const BOARD_SECRET = 'ops-tools-int-spec-board-secret-0123456789';
const QUEUES = ['deposit-clearing', 'notifications', 'offer-expiry', 'payout-dispatch', 'sweeps'];

/**
 * The scheduler's side of the queue board as the gateway sees it: refuses a request without the
 * secret as the scheduler does, records what reached it, answers like Bull Board, and never
 * answers `/ops/queues/api/hang`. The real board is the scheduler's (its own int-spec; the e2e
 * operations suite goes through both).
 */
class SchedulerBoardDouble {
  readonly seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  private server?: Server;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        if (req.headers[QUEUE_BOARD_SECRET_HEADER] !== BOARD_SECRET) {
          res.writeHead(403, { 'content-type': 'application/problem+json' }).end('{}');
        } else if (req.url === '/ops/queues/api/hang') {
          // never answers
        } else if (req.url?.startsWith('/ops/queues/api/queues')) {
          res
            .writeHead(200, { 'content-type': 'application/json', 'x-powered-by': 'Express' })
            .end(JSON.stringify({ queues: QUEUES.map((name) => ({ name })) }));
        } else {
          res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Bull Dashboard</title>');
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('gateway ops tools: dead letters, queue board, metrics', () => {
  let gw: GatewayUnderTest;
  let scheduler: SchedulerBoardDouble;
  let opsToken: string;
  let brandToken: string;
  let amqp: amqplib.ChannelModel;
  let channel: amqplib.Channel;
  let dlq: string;
  let eventsQueue: string;

  const park = async (note: string, id: string = randomUUID(), into = dlq): Promise<string> => {
    channel.sendToQueue(into, Buffer.from(JSON.stringify({ note })), {
      messageId: id,
      type: 'probe.parcel.sent.v1',
      contentType: 'application/json',
      persistent: true,
      headers: {
        'x-correlation-id': `corr-${note}`,
        [HEADERS.errorCode]: 'internal',
        [HEADERS.errorDetail]: 'database hiccup',
        [HEADERS.failedAt]: new Date().toISOString(),
        [HEADERS.originalQueue]: eventsQueue,
        [HEADERS.retryCount]: 5,
      },
    });
    return id;
  };

  beforeAll(async () => {
    scheduler = await new SchedulerBoardDouble().start();
    gw = await startGatewayUnderTest('gwops', {
      SCHEDULER_QUEUE_BOARD_URL: `http://127.0.0.1:${scheduler.port}`,
      QUEUE_BOARD_SECRET: BOARD_SECRET,
      SCHEDULER_QUEUE_BOARD_TIMEOUT_MS: '500',
    });
    const ops = await gw.request('POST', '/v1/auth/login', {
      body: { email: gw.config.OPS_EMAIL, password: gw.config.OPS_PASSWORD },
    });
    opsToken = ops.body.accessToken;
    const suffix = randomUUID().slice(0, 8);
    const admin = {
      name: 'Ada',
      email: `ada-${suffix}@acme.example`,
      password: 'correct horse battery',
    };
    await gw.request('POST', '/v1/brands', {
      body: { name: 'Acme', currency: 'USD', financeEmail: `f-${suffix}@acme.example`, admin },
    });
    const login = { email: admin.email, password: admin.password };
    brandToken = (await gw.request('POST', '/v1/auth/login', { body: login })).body.accessToken;
    amqp = await amqplib.connect(gw.env.env.RABBITMQ_URL);
    channel = await amqp.createChannel();
    dlq = topology.deadLetterQueue(gw.env.prefix, 'invoicing');
    eventsQueue = topology.eventQueue(gw.env.prefix, 'invoicing');
    await channel.assertQueue(dlq, { durable: true });
    await channel.assertQueue(eventsQueue, { durable: true });
  });

  afterAll(async () => {
    await amqp?.close();
    await gw?.stop();
    await scheduler?.stop();
  });

  it('lists dead letters for ops only, replays one to its queue and discards another', async () => {
    const replayId = await park('replay-me');
    const discardId = await park('discard-me');

    expect((await gw.request('GET', '/v1/ops/dead-letters')).status).toBe(401);
    const refused = await gw.request('GET', '/v1/ops/dead-letters', { token: brandToken });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(PROBLEM_JSON);

    const listed = await gw.request('GET', '/v1/ops/dead-letters', { token: opsToken });
    expect(listed.status).toBe(200);
    expect(listed.body.nextCursor).toBeNull();
    expect(listed.body.data.map((d: { id: string }) => d.id)).toEqual([replayId, discardId]);
    expect(listed.body.data[0]).toMatchObject({
      id: replayId,
      service: 'invoicing',
      queue: dlq,
      originalQueue: eventsQueue,
      pattern: 'probe.parcel.sent.v1',
      correlationId: 'corr-replay-me',
      errorCode: 'internal',
      errorDetail: 'database hiccup',
      retryCount: 5,
      payload: { note: 'replay-me' },
    });

    const replayed = await gw.request('POST', `/v1/ops/dead-letters/${replayId}/replay`, {
      token: opsToken,
    });
    expect(replayed).toMatchObject({ status: 200, body: { id: replayId } });
    const moved = await channel.get(eventsQueue, { noAck: true });
    expect(moved).not.toBe(false);
    if (!moved) return;
    expect(moved.properties.messageId).toBe(replayId);
    expect(moved.properties.type).toBe('probe.parcel.sent.v1');
    expect(moved.properties.headers?.['x-correlation-id']).toBe('corr-replay-me');
    expect(moved.properties.headers?.[HEADERS.retryCount]).toBeUndefined();
    expect(moved.properties.headers?.[HEADERS.errorCode]).toBeUndefined();
    expect(JSON.parse(moved.content.toString())).toEqual({ note: 'replay-me' });

    const again = await gw.request('POST', `/v1/ops/dead-letters/${replayId}/replay`, {
      token: opsToken,
    });
    expect(again.status).toBe(404);

    const discarded = await gw.request('DELETE', `/v1/ops/dead-letters/${discardId}`, {
      token: opsToken,
    });
    expect(discarded).toMatchObject({ status: 200, body: { id: discardId } });
    const after = await gw.request('GET', '/v1/ops/dead-letters', { token: opsToken });
    expect(after.body.data).toEqual([]);
    expect(await channel.get(eventsQueue, { noAck: true })).toBe(false);
  });

  it('replays or discards the copy of one service when two consumers parked the same event', async () => {
    const schedulerDlq = topology.deadLetterQueue(gw.env.prefix, 'scheduler');
    await channel.assertQueue(schedulerDlq, { durable: true });
    const id = await park('twice');
    await park('twice', id, schedulerDlq);
    const listed = await gw.request('GET', '/v1/ops/dead-letters', { token: opsToken });
    expect(
      listed.body.data.filter((d: { id: string }) => d.id === id).map((d: any) => d.service),
    ).toEqual(['invoicing', 'scheduler']);

    const discarded = await gw.request('DELETE', `/v1/ops/dead-letters/${id}?service=scheduler`, {
      token: opsToken,
    });
    expect(discarded).toMatchObject({ status: 200, body: { id, service: 'scheduler' } });
    const left = await gw.request('GET', '/v1/ops/dead-letters', { token: opsToken });
    expect(left.body.data.map((d: { service: string }) => d.service)).toEqual(['invoicing']);
    const wrong = await gw.request('POST', `/v1/ops/dead-letters/${id}/replay?service=scheduler`, {
      token: opsToken,
    });
    expect(wrong.status).toBe(404);
    const bad = await gw.request('POST', `/v1/ops/dead-letters/${id}/replay?service=nope`, {
      token: opsToken,
    });
    expect(bad.status).toBe(400);
    const replayed = await gw.request(
      'POST',
      `/v1/ops/dead-letters/${id}/replay?service=invoicing`,
      {
        token: opsToken,
      },
    );
    expect(replayed).toMatchObject({ status: 200, body: { id, service: 'invoicing' } });
    expect(await channel.get(eventsQueue, { noAck: true })).toMatchObject({
      properties: expect.objectContaining({ messageId: id }),
    });
  });

  it('proxies the queue board to ops (bearer, ?token= once, then the cookie) and nobody else', async () => {
    const anonymous = await fetch(`${gw.url}/ops/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(PROBLEM_JSON);
    const brand = await fetch(`${gw.url}/ops/queues`, {
      headers: { authorization: `Bearer ${brandToken}` },
    });
    expect(brand.status).toBe(403);
    expect(brand.headers.get('content-type')).toMatch(PROBLEM_JSON);
    const bad = await fetch(`${gw.url}/ops/queues?token=not-a-token`, { redirect: 'manual' });
    expect(bad.status).toBe(401);
    // Refused requests never reach the scheduler.
    expect(scheduler.seen).toEqual([]);

    const page = await fetch(`${gw.url}/ops/queues`, {
      headers: { authorization: `Bearer ${opsToken}` },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Bull Dashboard');

    const viaQuery = await fetch(`${gw.url}/ops/queues?token=${opsToken}`, { redirect: 'manual' });
    expect(viaQuery.status).toBe(303);
    expect(viaQuery.headers.get('location')).toBe('/ops/queues');
    const cookie = viaQuery.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ops_token=.+; Path=\/ops\/queues; HttpOnly; SameSite=Strict/);

    const api = await fetch(`${gw.url}/ops/queues/api/queues?activeQueue=sweeps`, {
      headers: { cookie: `${cookie.split(';')[0]}; other=1` },
    });
    expect(api.status).toBe(200);
    expect(api.headers.get('x-powered-by')).toBeNull();
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(QUEUES);

    // The scheduler got the same paths with the shared secret, and none of the user's credentials.
    expect(scheduler.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /ops/queues',
      'GET /ops/queues/api/queues?activeQueue=sweeps',
    ]);
    for (const { headers } of scheduler.seen) {
      expect(headers[QUEUE_BOARD_SECRET_HEADER]).toBe(BOARD_SECRET);
      expect(headers.authorization).toBeUndefined();
      expect(headers.cookie).toBeUndefined();
    }
  });

  it('passes the board API bodies through, and never a ?token= the request carried', async () => {
    scheduler.seen.length = 0;
    const retry = await fetch(
      `${gw.url}/ops/queues/api/queues/sweeps/retry/failed?token=${opsToken}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ note: 'retry all' }),
      },
    );
    expect(retry.status).toBe(200);
    expect(scheduler.seen).toMatchObject([
      {
        method: 'PUT',
        url: '/ops/queues/api/queues/sweeps/retry/failed',
        body: JSON.stringify({ note: 'retry all' }),
      },
    ]);
  });

  it('answers 504 when the scheduler does not answer, and 503 when it is down', async () => {
    const ops = { headers: { authorization: `Bearer ${opsToken}` } };
    const silent = await fetch(`${gw.url}/ops/queues/api/hang`, ops);
    expect(silent.status).toBe(504);
    expect(silent.headers.get('content-type')).toMatch(PROBLEM_JSON);
    expect(await silent.json()).toMatchObject({
      code: 'dependency_timeout',
      instance: '/ops/queues/api/hang',
    });

    await scheduler.stop();
    try {
      const down = await fetch(`${gw.url}/ops/queues`, ops);
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toMatch(PROBLEM_JSON);
      expect(await down.json()).toMatchObject({ code: 'dependency_unavailable' });
    } finally {
      await scheduler.start(scheduler.port);
    }
  });

  it('serves Prometheus metrics publicly, timing requests by route template', async () => {
    await gw.request('GET', `/v1/cost-codes/${randomUUID()}`, { token: opsToken });
    const res = await fetch(`${gw.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('process_resident_memory_bytes{service="gateway"}');
    const get = { method: 'GET', service: 'gateway' };
    expect(
      sample(text, 'glimmer_http_request_duration_seconds_count', {
        ...get,
        route: '/v1/cost-codes/:id',
      }),
    ).toBe(1);
    expect(
      sample(text, 'glimmer_http_request_errors_total', {
        ...get,
        route: '/v1/ops/dead-letters',
        status_code: '401',
      }),
    ).toBe(1);
    expect(sample(text, 'glimmer_dead_letter_queue_depth', { consumer: 'invoicing' })).toBe(0);
    expect(text).toContain('glimmer_outbox_lag_seconds{service="gateway"}');
    expect(text).not.toMatch(/route="\/v1\/cost-codes\/[0-9a-f]{8}-/);
  });
});
