import { randomUUID } from 'node:crypto';
import type { BrandActor } from '@glimmer/contracts/actor';
import { DrawForInvoiceRpc } from '@glimmer/contracts/credit/invoice-draw.messages';
import {
  ProjectInvoiceIssuedEvent,
  ProjectInvoicePaidEvent,
} from '@glimmer/contracts/invoicing/project-invoice.events';
import {
  ApplyCreditRpc,
  AttachCostCodeRpc,
  GetProjectInvoiceRpc,
  ListProjectInvoicesRpc,
  ProjectInvoiceView,
  ResolveStalePaymentsRpc,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { DomainError } from '@glimmer/errors/domain-error';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { CreditTestApp } from '../../apps/credit/src/testing/credit-test-app';
import { applyRequestHash } from '../../apps/invoicing/src/project-invoices/invoice-payment';
import { InvoicingTestApp } from '../../apps/invoicing/src/testing/invoicing-test-app';

/**
 * Paying project invoices with credit: the invoicing and credit services in-process side by
 * side on one broker prefix, so invoicing's draws reach the real ledger.
 */
describe('project invoices paid with credit (invoicing + credit)', () => {
  let credit: CreditTestApp;
  let invoicing: InvoicingTestApp;
  beforeAll(async () => {
    credit = await CreditTestApp.start('payments');
    invoicing = await InvoicingTestApp.start('payments', { env: credit.env });
  });
  afterAll(async () => {
    await invoicing?.stop();
    await credit?.stop(); // made the shared environment: stops last
  });
  afterEach(async () => {
    expect((await credit.verify()).mismatches).toEqual([]);
    // every reservation is exactly the pending payments' amounts
    expect(
      await invoicing.sql(`select i.id from project_invoice i
        where i.amount_reserved <> (select coalesce(sum(p.amount), 0) from invoice_payment p
          where p.invoice_id = i.id and p.status = 'pending')`),
    ).toEqual([]);
  });

  /** A registered brand with a cost code holding `available` (and optionally `pending`) credit. */
  async function brandWithCredit(available: number, pending = 0) {
    const actor = brandActor();
    await invoicing.registerBrand(actor);
    const code = await credit.costCode(actor);
    if (available) await credit.fund(actor, code.id, available);
    if (pending) await credit.deposit(actor, code.id, pending);
    return { actor, code };
  }

  const issue = (actor: BrandActor, costCodeId: string, fee: number) =>
    invoicing.issue(actor, invoicing.projectCompleted(actor, costCodeId, { fee }));

  const apply = (
    actor: BrandActor,
    invoice: ProjectInvoiceView,
    costCodeId: string,
    amount?: number,
    key: string = randomUUID(),
  ) =>
    invoicing.call(ApplyCreditRpc, {
      actor,
      idempotencyKey: key,
      invoiceId: invoice.id,
      costCodeId,
      amount,
    });

  const paidEvents = async (invoiceId: string) =>
    (await invoicing.eventsFor(invoiceId)).filter(
      (e) => e.pattern === ProjectInvoicePaidEvent.pattern,
    );

  const settlement = async (brandId: string) => {
    const [row] = await credit.sql<{ balance: string }>(
      `select balance from ledger_account where brand_id = $1 and kind = 'settlement'`,
      [brandId],
    );
    return Number(row?.balance ?? 0);
  };

  it('pays part, then the rest: paid, one ProjectInvoicePaid event, the credit drawn once', async () => {
    const { actor, code } = await brandWithCredit(10_000, 3_000);
    const invoice = await issue(actor, code.id, 7_000);

    const partial = await apply(actor, invoice, code.id, 2_500, 'first');
    expect(partial).toMatchObject({
      status: 'partially_paid',
      amountPaid: 2_500,
      amountDue: 4_500,
      paidAt: null,
      payments: [
        { id: expect.any(String), costCodeId: code.id, amount: 2_500, at: expect.any(String) },
      ],
    });
    expect(await paidEvents(invoice.id)).toEqual([]);
    // a retry of the first request answers the invoice again and draws nothing more
    expect((await apply(actor, invoice, code.id, 2_500, 'first')).amountPaid).toBe(2_500);

    const paid = await apply(actor, invoice, code.id); // no amount: the whole amount due
    expect(paid).toMatchObject({ status: 'paid', amountPaid: 7_000, amountDue: 0 });
    expect(paid.paidAt).toEqual(expect.any(String));
    expect(paid.payments.map((p) => p.amount)).toEqual([2_500, 4_500]);
    expect(await credit.balances(code.id)).toEqual({ available: 3_000, pending: 3_000 });
    expect(await settlement(actor.brandId)).toBe(7_000);

    const events = await invoicing.eventsFor(invoice.id);
    expect(events.map((e) => e.pattern)).toEqual([
      ProjectInvoiceIssuedEvent.pattern,
      ProjectInvoicePaidEvent.pattern,
    ]);
    expect(events[1].payload).toEqual({
      invoiceId: invoice.id,
      projectId: invoice.projectId,
      brandId: actor.brandId,
      creatorId: invoice.creatorId,
      title: invoice.title,
      amount: 7_000,
      currency: 'USD',
      paidAt: paid.paidAt,
    });

    // a paid invoice takes no more credit and no more cost codes
    const other = await credit.costCode(actor);
    const before = await credit.counts();
    const refused = await expectError(apply(actor, invoice, code.id, 1), 'invoice_not_payable');
    expect(refused.status).toBe(409);
    await expectError(
      invoicing.call(AttachCostCodeRpc, { actor, invoiceId: invoice.id, costCodeId: other.id }),
      'invoice_not_payable',
    );
    expect(await credit.counts()).toEqual(before);
    expect(await paidEvents(invoice.id)).toHaveLength(1);
    const list = await invoicing.call(ListProjectInvoicesRpc, { actor, status: 'paid' });
    expect(list.data.map((i) => i.id)).toEqual([invoice.id]);
  });

  it('two concurrent full applications: one pays, the other is a 409; nothing over-paid', async () => {
    const { actor, code } = await brandWithCredit(50_000);
    const invoice = await issue(actor, code.id, 8_000);
    const outcomes = await Promise.allSettled([
      apply(actor, invoice, code.id),
      apply(actor, invoice, code.id),
    ]);
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const err = refused[0].reason as DomainError;
    expect([err.code, err.status]).toEqual(['amount_exceeds_due', 409]);
    expect(await invoicing.amounts(invoice.id)).toEqual({
      paid: 8_000,
      reserved: 0,
      status: 'paid',
    });
    expect(await credit.balances(code.id)).toEqual({ available: 42_000, pending: 0 });
    expect(await paidEvents(invoice.id)).toHaveLength(1);
  });

  it('20 concurrent partial applications racing for too little credit never over-draw', async () => {
    // due allows 12 payments of 400 (4,800 of 5,000); the credit allows 7 (2,800 of 3,000)
    const { actor, code } = await brandWithCredit(3_000);
    const invoice = await issue(actor, code.id, 5_000);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => apply(actor, invoice, code.id, 400)),
    );
    const codes = outcomes
      .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
      .map((o) => (o.reason as DomainError).code);
    // refused by the ledger (too little credit) or up front (the rest is reserved by others)
    const expected = ['insufficient_available_credit', 'amount_exceeds_due'];
    expect(codes.filter((c) => !expected.includes(c))).toEqual([]);
    expect(codes).toHaveLength(13);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(7);
    expect(await invoicing.amounts(invoice.id)).toEqual({
      paid: 2_800,
      reserved: 0,
      status: 'partially_paid',
    });
    const applied = await invoicing.sql<{ total: string }>(
      `select sum(amount) as total from invoice_payment where invoice_id = $1 and status = 'applied'`,
      [invoice.id],
    );
    expect(Number(applied[0].total)).toBe(2_800);
    expect(await credit.balances(code.id)).toEqual({ available: 200, pending: 0 });
    expect(await settlement(actor.brandId)).toBe(2_800);
    const view = await invoicing.call(GetProjectInvoiceRpc, { actor, invoiceId: invoice.id });
    expect(view.payments).toHaveLength(7);
    expect(view.amountDue).toBe(2_200);
  });

  it('one key makes one payment, even concurrently; another request under it is a 422', async () => {
    const { actor, code } = await brandWithCredit(10_000);
    const invoice = await issue(actor, code.id, 6_000);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => apply(actor, invoice, code.id, 1_000, 'same-key')),
    );
    expect(new Set(answers.map((a) => a.amountPaid))).toEqual(new Set([1_000]));
    expect(
      await invoicing.sql(`select id from invoice_payment where invoice_id = $1`, [invoice.id]),
    ).toHaveLength(1);
    expect(await credit.balances(code.id)).toEqual({ available: 9_000, pending: 0 });
    const conflict = await expectError(
      apply(actor, invoice, code.id, 999, 'same-key'),
      'idempotency_key_reused',
    );
    expect(conflict.status).toBe(422);
    await expectError(
      apply(actor, invoice, code.id, undefined, 'same-key'),
      'idempotency_key_reused',
    );
  });

  it('refuses more than is due, naming the amount due, and changes nothing', async () => {
    const { actor, code } = await brandWithCredit(10_000);
    const invoice = await issue(actor, code.id, 3_000);
    await apply(actor, invoice, code.id, 1_000);
    const before = await credit.counts();
    const err = await expectError(apply(actor, invoice, code.id, 2_001), 'amount_exceeds_due');
    expect(err.message).toContain('2000');
    expect(err.extra.meta).toMatchObject({ amountDue: 2_000, requested: 2_001 });
    expect(await credit.counts()).toEqual(before);
    expect(await invoicing.amounts(invoice.id)).toEqual({
      paid: 1_000,
      reserved: 0,
      status: 'partially_paid',
    });
  });

  it('pays only from attached cost codes; attaching checks the code is the brand’s', async () => {
    const { actor, code } = await brandWithCredit(1_000);
    const invoice = await issue(actor, code.id, 1_500);
    const second = await credit.costCode(actor);
    await credit.fund(actor, second.id, 2_000);
    const err = await expectError(apply(actor, invoice, second.id, 500), 'cost_code_not_attached');
    expect(err.status).toBe(409);
    expect(err.extra.meta).toEqual({ attachedCostCodeIds: [code.id] });

    const foreign = await credit.costCode(brandActor());
    await expectError(
      invoicing.call(AttachCostCodeRpc, { actor, invoiceId: invoice.id, costCodeId: foreign.id }),
      'not_found',
    );
    await expectError(
      invoicing.call(AttachCostCodeRpc, { actor, invoiceId: invoice.id, costCodeId: randomUUID() }),
      'not_found',
    );
    await expectError(
      invoicing.call(AttachCostCodeRpc, {
        actor: brandActor(),
        invoiceId: invoice.id,
        costCodeId: second.id,
      }),
      'not_found',
    );
    const attached = await invoicing.call(AttachCostCodeRpc, {
      actor,
      invoiceId: invoice.id,
      costCodeId: second.id,
    });
    expect(attached.attachedCostCodeIds).toEqual([code.id, second.id]);
    expect(
      await invoicing.call(AttachCostCodeRpc, {
        actor,
        invoiceId: invoice.id,
        costCodeId: second.id,
      }),
    ).toEqual(attached);
    const filtered = await invoicing.call(ListProjectInvoicesRpc, { actor, costCodeId: second.id });
    expect(filtered.data.map((i) => i.id)).toEqual([invoice.id]);

    await apply(actor, invoice, code.id, 1_000);
    const paid = await apply(actor, invoice, second.id);
    expect(paid).toMatchObject({ status: 'paid', amountPaid: 1_500 });
    expect(paid.payments.map((p) => [p.costCodeId, p.amount])).toEqual([
      [code.id, 1_000],
      [second.id, 500],
    ]);
    expect(await credit.balances(second.id)).toEqual({ available: 1_500, pending: 0 });
  });

  it('never draws pending credit: a 409 recorded on the payment, answered again to a retry', async () => {
    const { actor, code } = await brandWithCredit(0, 5_000);
    const invoice = await issue(actor, code.id, 1_000);
    const err = await expectError(
      apply(actor, invoice, code.id, 1_000, 'pending-only'),
      'insufficient_available_credit',
    );
    expect(err.status).toBe(409);
    expect(await invoicing.amounts(invoice.id)).toEqual({ paid: 0, reserved: 0, status: 'unpaid' });
    const [payment] = await invoicing.sql<{ status: string; error: { code: string } }>(
      `select status, error from invoice_payment where invoice_id = $1`,
      [invoice.id],
    );
    expect(payment).toMatchObject({
      status: 'rejected',
      error: { code: 'insufficient_available_credit' },
    });
    // the credit clears later: the refused request stays refused; a new one pays
    await credit.fund(actor, code.id, 1_000);
    await expectError(
      apply(actor, invoice, code.id, 1_000, 'pending-only'),
      'insufficient_available_credit',
    );
    expect((await apply(actor, invoice, code.id, 1_000, 'after-clearing')).status).toBe('paid');
    expect(await credit.balances(code.id)).toEqual({ available: 0, pending: 5_000 });
  });

  it('finishes payments a crash left pending: the sweep and a retry with the key', async () => {
    const { actor, code } = await brandWithCredit(1_000);
    const poor = await credit.costCode(actor);
    const invoice = await issue(actor, code.id, 5_000);
    await invoicing.call(AttachCostCodeRpc, { actor, invoiceId: invoice.id, costCodeId: poor.id });

    // What a process dying after step 1 (the reservation) leaves behind; `drawn` also died
    // after credit drew, before recording it.
    const crashed = async (key: string, costCodeId: string, amount: number, age: string) => {
      const [row] = await invoicing.sql<{ id: string }>(
        `insert into invoice_payment (id, invoice_id, brand_id, cost_code_id, amount, currency,
           idempotency_key, request_hash, status, created_at)
         values ($1, $2, $3, $4, $5, 'USD', $6, $7, 'pending', now() - $8::interval) returning id`,
        [
          randomUUID(),
          invoice.id,
          actor.brandId,
          costCodeId,
          amount,
          key,
          applyRequestHash({ costCodeId, amount }),
          age,
        ],
      );
      await invoicing.sql(
        `update project_invoice set amount_reserved = amount_reserved + $2 where id = $1`,
        [invoice.id, amount],
      );
      return row.id;
    };
    await crashed('never-asked', code.id, 300, '1 hour');
    const drawn = await crashed('drawn', code.id, 200, '1 hour');
    await credit.call(DrawForInvoiceRpc, {
      paymentId: drawn,
      brandId: actor.brandId,
      currency: 'USD',
      invoiceId: invoice.id,
      costCodeId: code.id,
      amount: 200,
    });
    await crashed('no-credit', poor.id, 100, '1 hour');
    await crashed('fresh', code.id, 50, '0 seconds');
    await crashed('retried', code.id, 150, '0 seconds');
    expect(await invoicing.amounts(invoice.id)).toMatchObject({ paid: 0, reserved: 800 });

    // the client retries one with its key: that re-drives it at once
    const retried = await apply(actor, invoice, code.id, 150, 'retried');
    expect(retried.amountPaid).toBe(150);

    expect(await invoicing.call(ResolveStalePaymentsRpc, { olderThanMs: 60_000 })).toEqual({
      resolved: 3,
      applied: 2,
      rejected: 1,
    });
    expect(await invoicing.amounts(invoice.id)).toEqual({
      paid: 650,
      reserved: 50,
      status: 'partially_paid',
    });
    expect(await invoicing.call(ResolveStalePaymentsRpc, { olderThanMs: 60_000 })).toEqual({
      resolved: 0,
      applied: 0,
      rejected: 0,
    });
    expect(await invoicing.call(ResolveStalePaymentsRpc, { olderThanMs: 0 })).toEqual({
      resolved: 1,
      applied: 1,
      rejected: 0,
    });
    expect(await invoicing.amounts(invoice.id)).toEqual({
      paid: 700,
      reserved: 0,
      status: 'partially_paid',
    });
    // credit drew each payment once: 300 + 200 + 150 + 50
    expect(await credit.balances(code.id)).toEqual({ available: 300, pending: 0 });
    expect(await settlement(actor.brandId)).toBe(700);
    const drawsOf = await credit.sql(
      `select status from invoice_draw where invoice_id = $1 order by status`,
      [invoice.id],
    );
    expect(drawsOf.map((d) => d.status)).toEqual(['drawn', 'drawn', 'drawn', 'drawn', 'refused']);
  });
});
