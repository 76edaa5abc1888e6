import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { RpcReply } from '@glimmer/messaging/envelope';
import {
  GatewayUnderTest,
  RpcCall,
  startGatewayUnderTest,
  startRpcStub,
} from '../testing/gateway-harness';
import { csvFailureLine, INVOICE_CSV_HEADER } from './invoice-csv';

const invoice = (title: string) => ({
  id: randomUUID(),
  projectId: randomUUID(),
  title,
  costCodeId: randomUUID(),
  attachedCostCodeIds: [],
  storyCode: 'STORY-1',
  currency: 'USD',
  amount: 10_000,
  amountPaid: 0,
  amountDue: 10_000,
  status: 'unpaid',
  issuedAt: new Date().toISOString(),
  paidAt: null,
  payments: [],
});

/** The raw HTTP exchange: what arrived, and whether the transfer completed. */
function download(
  url: string,
  token: string,
): Promise<{ status: number; body: string; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, complete: res.complete }));
      res.on('aborted', () => resolve({ status: res.statusCode!, body, complete: false }));
      res.on('error', () => resolve({ status: res.statusCode!, body, complete: false }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('invoice CSV export that fails part-way', () => {
  let gw: GatewayUnderTest;
  let token: string;
  let failSecondPage = true;
  let stub: Awaited<ReturnType<typeof startRpcStub>>;

  beforeAll(async () => {
    gw = await startGatewayUnderTest('csvexport', { RPC_TIMEOUT_MS: '2000' });
    const suffix = randomUUID().slice(0, 8);
    const admin = {
      name: 'Ada',
      email: `ada-${suffix}@acme.example`,
      password: 'correct horse battery',
    };
    const signup = await gw.request('POST', '/v1/brands', {
      body: { name: 'Acme', currency: 'USD', financeEmail: `f-${suffix}@acme.example`, admin },
    });
    expect(signup.status).toBe(201);
    const login = await gw.request('POST', '/v1/auth/login', {
      body: { email: admin.email, password: admin.password },
    });
    token = login.body.accessToken;
    stub = await startRpcStub(gw.env.prefix, 'invoicing', (call: RpcCall): RpcReply => {
      if (!call.payload.cursor)
        return { ok: true, data: { data: [invoice('First page')], nextCursor: 'page-2' } };
      if (failSecondPage)
        return {
          ok: false,
          error: { code: 'dependency_unavailable', status: 503, title: 'down', detail: 'db gone' },
        };
      return { ok: true, data: { data: [invoice('Second page')], nextCursor: null } };
    });
  });

  afterAll(async () => {
    await stub?.stop();
    await gw?.stop();
  });

  it('ends the 200 with a last line saying so and a broken transfer, never a hang or a clean end', async () => {
    failSecondPage = true;
    const started = Date.now();
    const res = await download(`${gw.url}/v1/invoices/export.csv`, token);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(200);
    expect(res.complete).toBe(false);
    expect(res.body.startsWith(INVOICE_CSV_HEADER)).toBe(true);
    expect(res.body).toContain('First page');
    expect(res.body.endsWith(csvFailureLine('dependency_unavailable'))).toBe(true);
    // fetch (the web app's client) rejects reading the body: the error is visible.
    const fetched = await fetch(`${gw.url}/v1/invoices/export.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await expect(fetched.text()).rejects.toThrow();
  }, 15_000);

  it('completes the file when every page arrives', async () => {
    failSecondPage = false;
    const res = await download(`${gw.url}/v1/invoices/export.csv`, token);
    expect(res).toMatchObject({ status: 200, complete: true });
    expect(res.body).toContain('Second page');
    expect(res.body).not.toContain('# export failed');
  });
});
