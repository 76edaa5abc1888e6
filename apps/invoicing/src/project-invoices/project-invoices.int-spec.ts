import { randomUUID } from 'node:crypto';
import type { Actor } from '@glimmer/contracts/actor';
import {
  ProjectInvoiceIssuedEvent,
  ProjectInvoicePaidEvent,
} from '@glimmer/contracts/invoicing/project-invoice.events';
import {
  ApplyCreditRpc,
  GetProjectInvoiceRpc,
  InvoicesForProjectsRpc,
  ListProjectInvoicesRpc,
  ProjectInvoiceView,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { ProjectCompletedEvent } from '@glimmer/contracts/network/network.events';
import { InboxService } from '@glimmer/messaging/inbox/inbox.service';
import { eventually } from '@glimmer/testing/eventually';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { InvoicingTestApp } from '../testing/invoicing-test-app';

/**
 * Invoicing on its own (no credit service answers here): issuing, reading and access. Paying
 * with real credit is covered in test/integration/project-invoice-payments.int-spec.ts.
 */
describe('invoicing: project invoices (over the broker, credit absent)', () => {
  let t: InvoicingTestApp;
  beforeAll(async () => {
    // A short deadline: the credit RPCs in here are meant to time out.
    t = await InvoicingTestApp.start('pinvoices', { overrides: { RPC_TIMEOUT_MS: '300' } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('issues one invoice and one issued event for a completion delivered twice', async () => {
    const actor = brandActor();
    await t.registerBrand(actor, 'ap@acme.test');
    const costCodeId = randomUUID();
    const completed = t.projectCompleted(actor, costCodeId, { fee: 42_000, storyCode: 'S-9' });
    const inbox = t.app.get(InboxService);
    const dropped = inbox.duplicatesDropped;
    const messageId = randomUUID();
    await t.broker.publish(ProjectCompletedEvent, completed, messageId);
    await t.broker.publish(ProjectCompletedEvent, completed, messageId); // a redelivery
    const republished = await t.broker.publish(ProjectCompletedEvent, completed); // a new id
    const invoice = await t.invoiceOf(actor, completed.projectId);
    expect(invoice).toEqual({
      id: expect.any(String),
      projectId: completed.projectId,
      brandId: actor.brandId,
      creatorId: completed.creatorId,
      title: completed.title,
      costCodeId,
      attachedCostCodeIds: [costCodeId],
      storyCode: 'S-9',
      amount: 42_000,
      amountPaid: 0,
      amountDue: 42_000,
      currency: 'USD',
      status: 'unpaid',
      issuedAt: expect.any(String),
      paidAt: null,
      voidedAt: null,
      payments: [],
    } satisfies ProjectInvoiceView);
    // every copy consumed: the redelivery dropped by the inbox, the republish by the project id
    await eventually(async () => {
      expect(inbox.duplicatesDropped).toBe(dropped + 1);
      const rows = await t.sql(`select 1 from processed_message where message_id = $1`, [
        republished,
      ]);
      expect(rows).toHaveLength(1);
    });
    expect(
      await t.sql(`select id from project_invoice where project_id = $1`, [completed.projectId]),
    ).toHaveLength(1);
    const events = await t.eventsFor(invoice.id);
    expect(events).toEqual([
      {
        pattern: ProjectInvoiceIssuedEvent.pattern,
        payload: {
          invoiceId: invoice.id,
          projectId: completed.projectId,
          brandId: actor.brandId,
          brandName: 'Acme Studios',
          financeEmail: 'ap@acme.test',
          title: completed.title,
          costCodeId,
          storyCode: 'S-9',
          amount: 42_000,
          currency: 'USD',
          issuedAt: invoice.issuedAt,
        },
      },
    ]);
  });

  it('lists a brand’s invoices newest first, by story code and cost code, page by page', async () => {
    const actor = brandActor();
    await t.registerBrand(actor);
    const [a, b] = [randomUUID(), randomUUID()];
    const issued: ProjectInvoiceView[] = [];
    for (const [i, code] of [a, b, a, a, b].entries()) {
      issued.push(
        await t.issue(
          actor,
          t.projectCompleted(actor, code, { storyCode: i % 2 ? 'ODD' : 'EVEN' }),
        ),
      );
    }
    const newest = [...issued].reverse().map((i) => i.id);
    const list = (q: Record<string, unknown> = {}) =>
      t.call(ListProjectInvoicesRpc, { actor, ...q });

    const first = await list({ limit: 2 });
    expect(first.data.map((i) => i.id)).toEqual(newest.slice(0, 2));
    const second = await list({ limit: 2, cursor: first.nextCursor! });
    expect(second.data.map((i) => i.id)).toEqual(newest.slice(2, 4));
    const third = await list({ limit: 2, cursor: second.nextCursor! });
    expect(third).toEqual({ data: [expect.objectContaining({ id: newest[4] })], nextCursor: null });

    expect((await list({ storyCode: 'ODD' })).data.map((i) => i.id)).toEqual([
      issued[3].id,
      issued[1].id,
    ]);
    expect((await list({ costCodeId: b })).data.map((i) => i.id)).toEqual([
      issued[4].id,
      issued[1].id,
    ]);
    expect((await list({ costCodeId: a, storyCode: 'EVEN' })).data.map((i) => i.id)).toEqual(
      [issued[3], issued[2], issued[0]].filter((i) => i.storyCode === 'EVEN').map((i) => i.id),
    );
    expect((await list({ status: 'unpaid' })).data).toHaveLength(5);
    expect(await list({ status: 'paid' })).toEqual({ data: [], nextCursor: null });
    await expectError(list({ cursor: 'forged' }), 'validation_failed');
    await expectError(list({ status: 'overdue' }), 'validation_failed');
  });

  it("hides other brands' invoices and refuses creators and ops", async () => {
    const actor = brandActor();
    await t.registerBrand(actor);
    const invoice = await t.issue(actor, t.projectCompleted(actor, randomUUID()));
    const other = brandActor();
    await expectError(
      t.call(GetProjectInvoiceRpc, { actor: other, invoiceId: invoice.id }),
      'not_found',
    );
    expect(await t.call(ListProjectInvoicesRpc, { actor: other })).toEqual({
      data: [],
      nextCursor: null,
    });
    const creator: Actor = { userId: randomUUID(), role: 'creator', creatorId: invoice.creatorId };
    const ops: Actor = { userId: randomUUID(), role: 'ops' };
    const brandless: Actor = { userId: randomUUID(), role: 'brand', currency: 'USD' };
    for (const who of [creator, ops, brandless]) {
      await expectError(t.call(ListProjectInvoicesRpc, { actor: who }), 'forbidden');
      await expectError(
        t.call(GetProjectInvoiceRpc, { actor: who, invoiceId: invoice.id }),
        'forbidden',
      );
      await expectError(
        t.call(ApplyCreditRpc, {
          actor: who,
          idempotencyKey: 'k',
          invoiceId: invoice.id,
          costCodeId: invoice.costCodeId,
        }),
        'forbidden',
      );
    }
  });

  it('summarises invoices by project for the brand and for the creator of each project', async () => {
    const actor = brandActor();
    await t.registerBrand(actor);
    const mine = await t.issue(actor, t.projectCompleted(actor, randomUUID(), { fee: 700 }));
    const theirs = brandActor();
    await t.registerBrand(theirs);
    const foreign = await t.issue(theirs, t.projectCompleted(theirs, randomUUID()));
    const projectIds = [mine.projectId, foreign.projectId, randomUUID()];
    const summary = {
      projectId: mine.projectId,
      invoiceId: mine.id,
      status: 'unpaid',
      amountDue: 700,
      paidAt: null,
    };
    expect(await t.call(InvoicesForProjectsRpc, { actor, projectIds })).toEqual({
      data: [summary],
    });
    const creator: Actor = { userId: randomUUID(), role: 'creator', creatorId: mine.creatorId };
    expect(await t.call(InvoicesForProjectsRpc, { actor: creator, projectIds })).toEqual({
      data: [summary],
    });
    expect(await t.call(InvoicesForProjectsRpc, { actor, projectIds: [] })).toEqual({ data: [] });
    await expectError(
      t.call(InvoicesForProjectsRpc, { actor: { userId: randomUUID(), role: 'ops' }, projectIds }),
      'forbidden',
    );
  });

  it('keeps a payment pending and its amount reserved while credit does not answer', async () => {
    const actor = brandActor();
    await t.registerBrand(actor);
    const invoice = await t.issue(actor, t.projectCompleted(actor, randomUUID(), { fee: 900 }));
    const apply = (key: string, amount?: number) =>
      t.call(ApplyCreditRpc, {
        actor,
        idempotencyKey: key,
        invoiceId: invoice.id,
        costCodeId: invoice.costCodeId,
        amount,
      });
    await expectError(apply('slow', 600), 'dependency_timeout');
    expect(await t.amounts(invoice.id)).toEqual({ paid: 0, reserved: 600, status: 'unpaid' });
    // what is reserved cannot be paid twice meanwhile
    const err = await expectError(apply('other', 301), 'amount_exceeds_due');
    expect(err.extra.meta).toMatchObject({ amountDue: 900, reserved: 600, payable: 300 });
    // the same key asks credit again (and times out again): still one pending payment
    await expectError(apply('slow', 600), 'dependency_timeout');
    await expectError(apply('slow', 599), 'idempotency_key_reused');
    const payments = await t.sql(
      `select status, amount from invoice_payment where invoice_id = $1`,
      [invoice.id],
    );
    expect(payments).toEqual([{ status: 'pending', amount: '600' }]);
    expect((await t.eventsFor(invoice.id)).map((e) => e.pattern)).not.toContain(
      ProjectInvoicePaidEvent.pattern,
    );
  });
});
