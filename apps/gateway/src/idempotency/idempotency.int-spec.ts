import { randomUUID } from 'node:crypto';
import type { RpcReply } from '@glimmer/messaging/envelope';
import { gatewayRequestHash, requestHashKey } from './request-hash';
import { signPayload } from '../webhooks/signature';
import { IdempotencyPruner } from './idempotency-pruner';
import {
  GatewayUnderTest,
  RpcCall,
  startGatewayUnderTest,
  startRpcStub,
  verifyEmailOf,
} from '../testing/gateway-harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A credit service stand-in: answers deposits after a pause, transfers with "insufficient credit". */
function creditReply(call: RpcCall): RpcReply {
  const { payload } = call;
  switch (call.pattern) {
    case 'credit.deposit.create.v1':
      return {
        ok: true,
        data: {
          id: randomUUID(),
          status: 'pending',
          amount: payload.amount,
          currency: payload.actor.currency,
          costCodeId: payload.costCodeId ?? randomUUID(),
          creditInvoiceId: randomUUID(),
          createdAt: new Date().toISOString(),
          fundsConfirmedAt: null,
          clearedAt: null,
          voidedAt: null,
        },
      };
    case 'credit.transfer.create.v1':
      return {
        ok: false,
        error: {
          code: 'insufficient_available_credit',
          status: 409,
          title: 'Not enough available credit',
          detail: `Only 0 is available (${randomUUID()})`,
          meta: { available: 0 },
        },
      };
    case 'credit.deposit.confirm-funds.v1':
      return {
        ok: true,
        data: { id: randomUUID(), status: 'pending', creditInvoiceId: payload.creditInvoiceId },
      };
    case 'credit.payment.receive.v1':
      return {
        ok: true,
        data: {
          notice: { id: randomUUID(), outcome: 'applied', ...payload },
          deposit: {
            id: randomUUID(),
            status: 'pending',
            creditInvoiceId: payload.creditInvoiceId,
          },
        },
      };
    case 'credit.deposit.void-by-credit-invoice.v1':
      return {
        ok: true,
        data: {
          id: payload.creditInvoiceId,
          status: 'void',
          depositId: randomUUID(),
          pendingCreditRemoved: 500,
          currency: 'USD',
        },
      };
    default:
      return {
        ok: false,
        error: { code: 'not_found', status: 404, title: 'Not found', detail: call.pattern },
      };
  }
}

describe('gateway idempotency and RPC wiring (credit service stubbed on the broker)', () => {
  let gw: GatewayUnderTest;
  let stub: Awaited<ReturnType<typeof startRpcStub>>;
  const tokens: Record<'a' | 'b', string> = { a: '', b: '' };
  const deposit = { amount: 125_000, costCode: { code: 'MKT', name: 'Marketing' } };
  const callsOf = (pattern: string) => stub.calls.filter((c) => c.pattern === pattern);

  async function brandToken(): Promise<string> {
    const email = `admin-${randomUUID()}@brand.example`;
    const password = 'correct horse battery';
    const created = await gw.request('POST', '/v1/brands', {
      body: {
        name: 'Brand',
        currency: 'USD',
        financeEmail: 'finance@brand.example',
        admin: { name: 'Admin', email, password },
      },
    });
    expect(created.status).toBe(201);
    await verifyEmailOf(gw, email);
    const login = await gw.request('POST', '/v1/auth/login', { body: { email, password } });
    return login.body.accessToken;
  }

  beforeAll(async () => {
    gw = await startGatewayUnderTest('gwidem', { RPC_TIMEOUT_MS: '3000' });
    stub = await startRpcStub(gw.env.prefix, 'credit', async (call) => {
      await sleep(200);
      return creditReply(call);
    });
    tokens.a = await brandToken();
    tokens.b = await brandToken();
  });

  afterAll(async () => {
    await stub?.stop();
    await gw?.stop();
  });

  it('20 concurrent requests with one key make one deposit and get identical responses', async () => {
    const headers = { 'idempotency-key': 'concurrent-1' };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        gw.request('POST', '/v1/credit/deposits', { token: tokens.a, body: deposit, headers }),
      ),
    );
    expect(callsOf('credit.deposit.create.v1')).toHaveLength(1);
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(
      19,
    );
    expect(responses[0].body).toMatchObject({
      status: 'pending',
      amount: 125_000,
      currency: 'USD',
    });

    const later = await gw.request('POST', '/v1/credit/deposits', {
      token: tokens.a,
      body: { costCode: { name: 'Marketing', code: 'MKT' }, amount: 125_000 },
      headers,
    });
    expect(later.status).toBe(201);
    expect(later.body).toEqual(responses[0].body);
    expect(callsOf('credit.deposit.create.v1')).toHaveLength(1);
  });

  it('passes the actor, the key and the correlation id down to the service', async () => {
    const res = await gw.request('POST', '/v1/credit/deposits', {
      token: tokens.a,
      body: deposit,
      headers: { 'idempotency-key': 'wiring-1', 'x-correlation-id': 'corr-wiring-1' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-correlation-id')).toBe('corr-wiring-1');
    const call = callsOf('credit.deposit.create.v1').at(-1)!;
    expect(call.headers['x-correlation-id']).toBe('corr-wiring-1');
    expect(call.payload).toEqual({
      actor: {
        userId: expect.any(String),
        role: 'brand',
        brandId: expect.any(String),
        currency: 'USD',
        email: expect.stringContaining('@brand.example'),
        name: 'Admin',
      },
      idempotencyKey: 'wiring-1',
      ...deposit,
    });
  });

  it('refuses the same key with a different body (422) and keeps keys per brand', async () => {
    const headers = { 'idempotency-key': 'concurrent-1' };
    const other = await gw.request('POST', '/v1/credit/deposits', {
      token: tokens.a,
      body: { ...deposit, amount: 1 },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body.code).toBe('idempotency_key_reused');

    const before = callsOf('credit.deposit.create.v1').length;
    const brandB = await gw.request('POST', '/v1/credit/deposits', {
      token: tokens.b,
      body: { ...deposit, amount: 1 },
      headers,
    });
    expect(brandB.status).toBe(201);
    expect(brandB.headers.get('idempotent-replayed')).toBeNull();
    expect(callsOf('credit.deposit.create.v1')).toHaveLength(before + 1);
  });

  it('stores a client error and replays it exactly', async () => {
    const body = {
      amount: 500,
      fromCostCodeId: randomUUID(),
      toCostCode: { code: 'NEW', name: 'New' },
    };
    const headers = { 'idempotency-key': 'transfer-409' };
    const first = await gw.request('POST', '/v1/credit/transfers', {
      token: tokens.a,
      body,
      headers,
    });
    const again = await gw.request('POST', '/v1/credit/transfers', {
      token: tokens.a,
      body,
      headers,
    });
    expect(first.status).toBe(409);
    expect(first.body).toMatchObject({
      code: 'insufficient_available_credit',
      available: 0,
      instance: '/v1/credit/transfers',
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(callsOf('credit.transfer.create.v1')).toHaveLength(1);
  });

  it('forgets a key whose request failed validation, so the corrected request may use it', async () => {
    const headers = { 'idempotency-key': 'fix-and-retry' };
    const bad = await gw.request('POST', '/v1/credit/deposits', {
      token: tokens.a,
      body: { amount: 10.5, costCodeId: 'x' },
      headers,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'amount',
      'costCodeId',
    ]);
    const both = await gw.request('POST', '/v1/credit/deposits', {
      token: tokens.a,
      body: { ...deposit, costCodeId: randomUUID() },
      headers,
    });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([
      { field: 'costCodeId', messages: ['give costCodeId or costCode, not both'] },
      { field: 'costCode', messages: ['give costCodeId or costCode, not both'] },
    ]);
    const good = await gw.request('POST', '/v1/credit/deposits', {
      token: tokens.a,
      body: deposit,
      headers,
    });
    expect(good.status).toBe(201);
  });

  it('takes over a key left in progress by a gateway that died', async () => {
    const me = await gw.request('GET', '/v1/me', { token: tokens.a });
    const hash = gatewayRequestHash(
      requestHashKey(gw.config.JWT_SECRET),
      'POST',
      '/v1/credit/deposits',
      deposit,
    );
    await gw.sql(
      `insert into idempotency_record (scope, key, request_hash, status, locked_until)
       values ($1, 'crashed-1', $2, 'in_progress', now() - interval '1 second')`,
      [`brand:${me.body.brandId}`, hash],
    );
    const before = callsOf('credit.deposit.create.v1').length;
    const res = await gw.request('POST', '/v1/credit/deposits', {
      token: tokens.a,
      body: deposit,
      headers: { 'idempotency-key': 'crashed-1' },
    });
    expect(res.status).toBe(201);
    expect(callsOf('credit.deposit.create.v1')).toHaveLength(before + 1);
    const [row] = await gw.sql<{ status: string; response_status: number }>(
      `select status, response_status from idempotency_record where key = 'crashed-1'`,
    );
    expect(row).toEqual({ status: 'completed', response_status: 201 });
  });

  it('forwards payment confirmations from the signed webhook and from ops, and voids via credit', async () => {
    const creditInvoiceId = randomUUID();
    const notice = {
      type: 'credit_invoice.paid',
      creditInvoiceId,
      amount: 125_000,
      currency: 'USD',
      providerReference: `pay_${randomUUID()}`,
    };
    const payload = JSON.stringify(notice);
    const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const hook = await gw.request('POST', '/v1/webhooks/payments', {
      rawBody: payload,
      headers: {
        'glimmer-signature': signPayload(payload, gw.config.PAYMENTS_WEBHOOK_SECRET, signedAt),
      },
    });
    expect(hook).toMatchObject({
      status: 202,
      body: { received: true, creditInvoiceId, outcome: 'applied' },
    });
    expect(callsOf('credit.payment.receive.v1').map((c) => c.payload)).toEqual([
      {
        creditInvoiceId,
        amount: 125_000,
        currency: 'USD',
        providerReference: notice.providerReference,
        signedAt: signedAt.toISOString(),
      },
    ]);

    // The same notice captured and replayed after the tolerance window never reaches credit.
    const replayed = await gw.request('POST', '/v1/webhooks/payments', {
      rawBody: payload,
      headers: {
        'glimmer-signature': signPayload(
          payload,
          gw.config.PAYMENTS_WEBHOOK_SECRET,
          new Date(signedAt.getTime() - (gw.config.PAYMENTS_WEBHOOK_TOLERANCE_SECONDS + 1) * 1000),
        ),
      },
    });
    expect(replayed).toMatchObject({ status: 401, body: { code: 'signature_expired' } });
    expect(callsOf('credit.payment.receive.v1')).toHaveLength(1);

    const ops = await gw.request('POST', '/v1/auth/login', {
      body: { email: gw.config.OPS_EMAIL, password: gw.config.OPS_PASSWORD },
    });
    const marked = await gw.request(
      'POST',
      `/v1/ops/credit-invoices/${creditInvoiceId}/mark-paid`,
      {
        token: ops.body.accessToken,
      },
    );
    expect(marked.status).toBe(202);
    expect(callsOf('credit.deposit.confirm-funds.v1').map((c) => c.payload)).toEqual([
      { creditInvoiceId, source: 'ops' },
    ]);

    const voided = await gw.request('DELETE', `/v1/credit-invoices/${creditInvoiceId}`, {
      token: tokens.a,
    });
    expect(voided).toMatchObject({
      status: 200,
      body: { id: creditInvoiceId, status: 'void', pendingCreditRemoved: 500 },
    });
    expect(callsOf('credit.deposit.void-by-credit-invoice.v1')[0].payload).toMatchObject({
      creditInvoiceId,
      actor: { role: 'brand' },
    });
  });

  it('forgets keys older than IDEMPOTENCY_TTL_HOURS, and only those, so an old key may be used again', async () => {
    const send = (key: string) =>
      gw.request('POST', '/v1/credit/deposits', {
        token: tokens.a,
        body: deposit,
        headers: { 'idempotency-key': key },
      });
    const [old, recent] = [`expired-${randomUUID()}`, `recent-${randomUUID()}`];
    expect((await send(old)).status).toBe(201);
    expect((await send(recent)).status).toBe(201);
    await gw.sql(
      `update idempotency_record set created_at = now() - interval '25 hours' where key = $1`,
      [old],
    );

    // Twice: a periodic run already under way may have passed the table before the backdating.
    await gw.app.get(IdempotencyPruner).prune();
    await gw.app.get(IdempotencyPruner).prune();

    const keys = await gw.sql<{ key: string }>(
      `select key from idempotency_record where key = any($1)`,
      [[old, recent]],
    );
    expect(keys.map((k) => k.key)).toEqual([recent]);
    const before = callsOf('credit.deposit.create.v1').length;
    const again = await send(old);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(callsOf('credit.deposit.create.v1')).toHaveLength(before + 1);
    expect((await send(recent)).headers.get('idempotent-replayed')).toBe('true');
  });
});
