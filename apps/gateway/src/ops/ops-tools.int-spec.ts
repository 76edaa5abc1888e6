import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
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

describe('gateway ops tools: dead letters, queue board, metrics', () => {
  let gw: GatewayUnderTest;
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
    gw = await startGatewayUnderTest('gwops');
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

  it('serves the queue board to ops (bearer, ?token= once, then the cookie) and nobody else', async () => {
    const anonymous = await fetch(`${gw.url}/ops/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(PROBLEM_JSON);
    const brand = await fetch(`${gw.url}/ops/queues`, {
      headers: { authorization: `Bearer ${brandToken}` },
    });
    expect(brand.status).toBe(403);
    const bad = await fetch(`${gw.url}/ops/queues?token=not-a-token`, { redirect: 'manual' });
    expect(bad.status).toBe(401);

    const page = await fetch(`${gw.url}/ops/queues`, {
      headers: { authorization: `Bearer ${opsToken}` },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);

    const viaQuery = await fetch(`${gw.url}/ops/queues?token=${opsToken}`, { redirect: 'manual' });
    expect(viaQuery.status).toBe(303);
    expect(viaQuery.headers.get('location')).toBe('/ops/queues');
    const cookie = viaQuery.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ops_token=.+; Path=\/ops\/queues; HttpOnly; SameSite=Strict/);

    const api = await fetch(`${gw.url}/ops/queues/api/queues`, {
      headers: { cookie: cookie.split(';')[0] },
    });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual([
      'deposit-clearing',
      'notifications',
      'offer-expiry',
      'payout-dispatch',
      'sweeps',
    ]);
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
