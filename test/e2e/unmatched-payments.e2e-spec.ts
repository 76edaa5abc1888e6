import { randomUUID } from 'node:crypto';
import { eventually } from '@glimmer/testing/eventually';
import { loginOps, paymentArrived, signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem, OPS } from './support/system';

const RPC_TIMEOUT_MS = 2_000;

/**
 * Ops resolve a payment that cleared nothing, over HTTP (issue #11 item 10): who, how, when and
 * why are recorded, the payment leaves the open list, no money moves, a second resolution is a
 * 409, and a retry after a 504 (credit frozen past the deadline) answers the resolution the held
 * request made instead of refusing its own twin.
 */
describe('resolving unmatched payments end to end', () => {
  const system = new GlimmerSystem('unmatched', { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) });
  let anon: Api;
  let ops: Api;
  let brand: SignedUpBrand;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    ops = await loginOps(anon);
    brand = await signUpBrand(anon);
  });

  afterAll(async () => {
    try {
      system.freeze('credit', false);
    } catch {
      /* not running */
    }
    await system.stop();
  });

  /** Money that arrived after its credit invoice was deleted: the id of its recorded notice. */
  async function lateFunds(amount: number): Promise<string> {
    const code = `LATE-${randomUUID().slice(0, 6)}`;
    const deposit = (
      await brand.api.post('/v1/credit/deposits', { amount, costCode: { code, name: code } })
    ).body;
    expect((await brand.api.delete(`/v1/credit-invoices/${deposit.creditInvoiceId}`)).status).toBe(
      200,
    );
    const late = await paymentArrived(anon, deposit);
    expect(late.body).toMatchObject({ status: 409, code: 'deposit_voided' });
    return late.body.paymentNoticeId as string;
  }
  const listed = async (query = '') =>
    (
      (await ops.get(`/v1/ops/unmatched-payments?limit=200${query}`)).body.data as { id: string }[]
    ).map((n) => n.id);
  /** Everything resolving must not touch: the brand's credit and the ledger. */
  const money = async () => ({
    credit: (await brand.api.get('/v1/credit')).body,
    ledger: (await ops.get('/v1/ops/ledger/verify')).body.checkedTransactions,
  });
  const resolve = (id: string, body: unknown, key: string | null = randomUUID()) =>
    ops.post(`/v1/ops/unmatched-payments/${id}/resolve`, body, key);

  it('records who resolved it, how and why; it leaves the open list, moves no money, and happens once', async () => {
    const id = await lateFunds(3_300);
    expect(await listed()).toContain(id);
    const before = await money();

    const key = randomUUID();
    const body = { resolution: 'refunded', note: 'Refunded at the provider, refund re_81Kd2' };
    const first = await resolve(id, body, key);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      id,
      outcome: 'deposit_voided',
      status: 'resolved',
      resolution: 'refunded',
      resolutionNote: body.note,
      resolvedBy: { userId: expect.any(String), email: OPS.email },
      resolvedAt: expect.any(String),
    });
    const replayed = await resolve(id, body, key);
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(first.body);

    expect(await listed()).not.toContain(id);
    expect(await listed('&status=open')).not.toContain(id);
    expect(await listed('&status=resolved')).toContain(id);

    const second = await resolve(id, { resolution: 'credited_manually', note: 'New deposit' });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(second.body).toMatchObject({
      code: 'payment_already_resolved',
      resolution: 'refunded',
      resolvedAt: first.body.resolvedAt,
    });
    expect(await money()).toEqual(before);
    expect((await ops.get('/v1/ops/ledger/verify')).body.ok).toBe(true);
  });

  it('answers bad requests with a clear problem and changes nothing', async () => {
    const id = await lateFunds(1_100);
    const cases: [string, () => Promise<{ status: number; body: any }>, number, string][] = [
      ['no note', () => resolve(id, { resolution: 'refunded' }), 400, 'validation_failed'],
      [
        'a blank note',
        () => resolve(id, { resolution: 'refunded', note: '  ' }),
        400,
        'validation_failed',
      ],
      [
        'a note over 500 characters',
        () => resolve(id, { resolution: 'refunded', note: 'x'.repeat(501) }),
        400,
        'validation_failed',
      ],
      [
        'an unknown resolution',
        () => resolve(id, { resolution: 'forgotten', note: 'n' }),
        400,
        'validation_failed',
      ],
      [
        'an unknown id',
        () => resolve(randomUUID(), { resolution: 'refunded', note: 'n' }),
        404,
        'not_found',
      ],
      [
        'a brand member',
        () =>
          brand.api.post(`/v1/ops/unmatched-payments/${id}/resolve`, {
            resolution: 'refunded',
            note: 'n',
          }),
        403,
        'forbidden',
      ],
      [
        'a list status that does not exist',
        () => ops.get('/v1/ops/unmatched-payments?status=closed'),
        400,
        'validation_failed',
      ],
    ];
    for (const [what, send, status, code] of cases) {
      const res = await send();
      expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status, code });
    }
    const noNote = await resolve(id, { resolution: 'refunded', note: '' });
    expect(noNote.body.errors.map((e: { field: string }) => e.field)).toEqual(['note']);

    // A payment that confirmed its deposit is no unmatched payment.
    const deposit = (
      await brand.api.post('/v1/credit/deposits', {
        amount: 800,
        costCode: { code: `OK-${randomUUID().slice(0, 6)}`, name: 'Ok' },
      })
    ).body;
    const applied = await paymentArrived(anon, deposit);
    expect(applied.status).toBe(202);
    expect(
      (await resolve(applied.body.paymentNoticeId, { resolution: 'refunded', note: 'n' })).status,
    ).toBe(404);
    expect(await listed()).toContain(id);
  });

  it('a retry after a 504 answers the resolution the held request made', async () => {
    const id = await lateFunds(2_200);
    const key = randomUUID();
    const body = { resolution: 'credited_manually', note: 'New deposit 4f1c marked paid' };
    system.freeze('credit', true);
    let first;
    try {
      first = await resolve(id, body, key);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      system.freeze('credit', false);
    }
    expect(first.status).toBe(504);

    // The thawed service runs the request it already held and commits the resolution the
    // client never heard of; the gateway released the key on the 5xx, so the retry reaches it.
    await eventually(async () => expect(await listed('&status=resolved')).toContain(id));
    const retried = await resolve(id, body, key);
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body).toMatchObject({
      id,
      status: 'resolved',
      ...{ resolution: body.resolution },
    });
    expect(retried.body.resolutionNote).toBe(body.note);
  });
});
