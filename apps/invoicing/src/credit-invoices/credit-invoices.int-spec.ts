import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@glimmer/config/config';
import type { Actor } from '@glimmer/contracts/actor';
import {
  DepositClearedEvent,
  DepositFundsConfirmedEvent,
  DepositPendingEvent,
  DepositSnapshot,
  DepositVoidedEvent,
} from '@glimmer/contracts/credit/deposit.events';
import {
  BrandRegistered,
  BrandRegisteredEvent,
} from '@glimmer/contracts/identity/brand-registered.event';
import {
  CreditInvoiceIssuedEvent,
  CreditInvoicePaidEvent,
  CreditInvoiceVoidedEvent,
} from '@glimmer/contracts/invoicing/credit-invoice.events';
import {
  CreditInvoiceView,
  GetCreditInvoiceRpc,
  ListCreditInvoicesRequest,
  ListCreditInvoicesRpc,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import { schemaFor } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { DomainError } from '@glimmer/errors/domain-error';
import { migrateBroker } from '@glimmer/messaging/broker-setup';
import { InboxService } from '@glimmer/messaging/inbox/inbox.service';
import { bootstrapService } from '@glimmer/runtime/service-bootstrap';
import { BrokerTestClient } from '@glimmer/testing/broker-test-client';
import { eventually } from '@glimmer/testing/eventually';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { invoicingConfigSchema, invoicingDatabase } from '../invoicing.config';
import { InvoicingModule } from '../invoicing.module';

// --- test data factories ---------------------------------------------------------------------

function brandEvent(over: Partial<BrandRegistered> = {}): BrandRegistered {
  return {
    brandId: randomUUID(),
    name: 'Acme Studios',
    currency: 'USD',
    financeEmail: 'finance@acme.test',
    adminUserId: randomUUID(),
    adminEmail: 'admin@acme.test',
    adminName: 'Ada Admin',
    ...over,
  };
}

function brandActor(brandId: string): Actor {
  return { userId: randomUUID(), role: 'brand', brandId, currency: 'USD' };
}

/** A deposit at each stage of its life; every stage bumps the version as the credit service does. */
function depositLife(brandId: string, amount = 12_345, createdAt = new Date()) {
  const base: DepositSnapshot = {
    depositId: randomUUID(),
    brandId,
    creditInvoiceId: randomUUID(),
    costCode: { id: randomUUID(), code: 'MKT-2026', name: 'Marketing' },
    amount,
    currency: 'USD',
    status: 'pending',
    version: 1,
    createdAt: createdAt.toISOString(),
    fundsConfirmedAt: null,
    clearedAt: null,
    voidedAt: null,
  };
  const confirmedAt = new Date(createdAt.getTime() + 60_000).toISOString();
  return {
    pending: base,
    fundsConfirmed: { ...base, version: 2, fundsConfirmedAt: confirmedAt },
    cleared: {
      ...base,
      status: 'cleared' as const,
      version: 3,
      fundsConfirmedAt: confirmedAt,
      clearedAt: new Date(createdAt.getTime() + 120_000).toISOString(),
    },
    voided: {
      ...base,
      status: 'voided' as const,
      version: 2,
      voidedAt: new Date(createdAt.getTime() + 30_000).toISOString(),
    },
  };
}

// --- the world ---------------------------------------------------------------------------------

let env: TestEnv;
let app: INestApplication;
let broker: BrokerTestClient;
let db: Client;

beforeAll(async () => {
  env = await createTestEnv('invoicing');
  const config = loadConfig(invoicingConfigSchema, {
    ...env.env,
    // enough retries (200 ms apart) to cover the brand event arriving a little after the deposit
    MESSAGE_MAX_RETRIES: '20',
  });
  await migrateService(invoicingDatabase(config));
  await migrateBroker(config.RABBITMQ_URL, 'invoicing', { prefix: config.GLIMMER_PREFIX });
  app = await bootstrapService(InvoicingModule.forRoot(config), 0);
  broker = await new BrokerTestClient({ prefix: env.prefix, url: config.RABBITMQ_URL }).start();
  db = new Client({
    connectionString: env.databaseUrl,
    options: `-c search_path=${schemaFor(env.prefix, 'invoicing')}`,
  });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await broker?.stop();
  await app?.close();
  await env?.destroy();
});

async function registerBrand(over: Partial<BrandRegistered> = {}): Promise<BrandRegistered> {
  const brand = brandEvent(over);
  await broker.publish(BrandRegisteredEvent, brand);
  await eventually(async () => {
    const { rowCount } = await db.query('select 1 from billing_profile where brand_id = $1', [
      brand.brandId,
    ]);
    expect(rowCount).toBe(1);
  });
  return brand;
}

function list(brandId: string, query: Partial<Omit<ListCreditInvoicesRequest, 'actor'>> = {}) {
  return broker.rpc.call(ListCreditInvoicesRpc, { actor: brandActor(brandId), ...query });
}

function get(brandId: string, creditInvoiceId: string) {
  return broker.rpc.call(GetCreditInvoiceRpc, { actor: brandActor(brandId), creditInvoiceId });
}

async function invoiceOf(brandId: string, id: string): Promise<CreditInvoiceView> {
  return eventually(() => get(brandId, id));
}

async function outboxFor(
  creditInvoiceId: string,
): Promise<{ pattern: string; payload: Record<string, unknown> }[]> {
  const { rows } = await db.query(
    `select pattern, payload from outbox_message where payload->>'creditInvoiceId' = $1 order by seq`,
    [creditInvoiceId],
  );
  return rows;
}

/** Waits until the message has been consumed (the inbox records stale ones too). */
async function consumed(messageId: string): Promise<void> {
  await eventually(async () => {
    const { rowCount } = await db.query('select 1 from processed_message where message_id = $1', [
      messageId,
    ]);
    expect(rowCount).toBe(1);
  });
}

async function rpcError(call: Promise<unknown>): Promise<DomainError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

// --- behaviour -----------------------------------------------------------------------------------

describe('credit invoices from deposit events', () => {
  it('issues an unpaid invoice for a pending deposit, listed with its fields, and an Issued event', async () => {
    const brand = await registerBrand();
    const { pending } = depositLife(brand.brandId, 50_000);
    await broker.publish(DepositPendingEvent, pending);

    const invoice = await invoiceOf(brand.brandId, pending.creditInvoiceId);
    expect(invoice).toEqual({
      id: pending.creditInvoiceId,
      depositId: pending.depositId,
      costCodeId: pending.costCode.id,
      costCode: 'MKT-2026',
      amount: 50_000,
      currency: 'USD',
      status: 'unpaid',
      issuedAt: pending.createdAt,
      paidAt: null,
      voidedAt: null,
    });
    const page = await list(brand.brandId);
    expect(page).toEqual({ data: [invoice], nextCursor: null });

    const events = await eventually(async () => {
      const rows = await outboxFor(pending.creditInvoiceId);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(events[0].pattern).toBe(CreditInvoiceIssuedEvent.pattern);
    expect(events[0].payload).toMatchObject({
      financeEmail: brand.financeEmail,
      brandName: brand.name,
      amount: 50_000,
      status: 'unpaid',
    });
  });

  it('ends paid when the cleared event overtakes the pending one', async () => {
    const brand = await registerBrand();
    const life = depositLife(brand.brandId);
    await broker.publish(DepositClearedEvent, life.cleared);
    await eventually(async () =>
      expect((await get(brand.brandId, life.pending.creditInvoiceId)).status).toBe('paid'),
    );
    await consumed(await broker.publish(DepositPendingEvent, life.pending));
    await consumed(await broker.publish(DepositFundsConfirmedEvent, life.fundsConfirmed));

    // the late events were consumed and moved nothing backwards
    const invoice = await get(brand.brandId, life.pending.creditInvoiceId);
    expect(invoice.status).toBe('paid');
    expect(invoice.paidAt).toBe(life.cleared.fundsConfirmedAt);
    const events = await outboxFor(life.pending.creditInvoiceId);
    expect(events.map((e) => e.pattern)).toEqual([
      CreditInvoiceIssuedEvent.pattern,
      CreditInvoicePaidEvent.pattern,
    ]);
  });

  it('marks the invoice paid on funds confirmed, announcing it once even when cleared follows', async () => {
    const brand = await registerBrand();
    const life = depositLife(brand.brandId);
    await broker.publish(DepositPendingEvent, life.pending);
    await broker.publish(DepositFundsConfirmedEvent, life.fundsConfirmed);
    await broker.publish(DepositClearedEvent, life.cleared);
    await eventually(async () => {
      const rows = await db.query('select version from credit_invoice where id = $1', [
        life.pending.creditInvoiceId,
      ]);
      expect(rows.rows[0]?.version).toBe(3);
    });
    const invoice = await get(brand.brandId, life.pending.creditInvoiceId);
    expect(invoice).toMatchObject({ status: 'paid', paidAt: life.fundsConfirmed.fundsConfirmedAt });
    const events = await outboxFor(life.pending.creditInvoiceId);
    expect(events.map((e) => e.pattern)).toEqual([
      CreditInvoiceIssuedEvent.pattern,
      CreditInvoicePaidEvent.pattern,
    ]);
  });

  it('handles the same message delivered twice as one: one invoice, one Issued event', async () => {
    const brand = await registerBrand();
    const { pending } = depositLife(brand.brandId);
    const inbox = app.get(InboxService);
    const dropped = inbox.duplicatesDropped;
    const messageId = randomUUID();
    await broker.publish(DepositPendingEvent, pending, messageId);
    await broker.publish(DepositPendingEvent, pending, messageId);
    await eventually(() => expect(inbox.duplicatesDropped).toBe(dropped + 1));
    // the same snapshot under another message id (a republish by the producer) changes nothing either
    await consumed(await broker.publish(DepositPendingEvent, pending));
    const { rows } = await db.query(
      'select count(*)::int as n from credit_invoice where deposit_id = $1',
      [pending.depositId],
    );
    expect(rows[0].n).toBe(1);
    const events = await outboxFor(pending.creditInvoiceId);
    expect(events.map((e) => e.pattern)).toEqual([CreditInvoiceIssuedEvent.pattern]);
  });

  it('voids the invoice and puts a CreditInvoiceVoidedEvent for the finance contact in the outbox', async () => {
    const brand = await registerBrand({ financeEmail: 'ap@void.test' });
    const life = depositLife(brand.brandId, 7_500);
    await broker.publish(DepositPendingEvent, life.pending);
    await invoiceOf(brand.brandId, life.pending.creditInvoiceId);
    await broker.publish(DepositVoidedEvent, life.voided);
    const invoice = await eventually(async () => {
      const i = await get(brand.brandId, life.pending.creditInvoiceId);
      expect(i.status).toBe('void');
      return i;
    });
    expect(invoice.voidedAt).toBe(life.voided.voidedAt);
    const events = await eventually(async () => {
      const rows = await outboxFor(life.pending.creditInvoiceId);
      expect(rows).toHaveLength(2);
      return rows;
    });
    expect(events[1]).toMatchObject({
      pattern: CreditInvoiceVoidedEvent.pattern,
      payload: {
        status: 'void',
        amount: 7_500,
        currency: 'USD',
        financeEmail: 'ap@void.test',
        costCode: 'MKT-2026',
      },
    });
  });

  it('retries a deposit that arrives before its brand until the brand is known', async () => {
    const brand = brandEvent();
    const { pending } = depositLife(brand.brandId);
    await broker.publish(DepositPendingEvent, pending);
    // it is retried (and rolled back each time) while the brand is unknown
    await new Promise((r) => setTimeout(r, 700));
    const { rowCount } = await db.query('select 1 from credit_invoice where id = $1', [
      pending.creditInvoiceId,
    ]);
    expect(rowCount).toBe(0);
    await broker.publish(BrandRegisteredEvent, brand);
    const invoice = await eventually(() => get(brand.brandId, pending.creditInvoiceId), {
      timeoutMs: 20_000,
    });
    expect(invoice.status).toBe('unpaid');
    const events = await outboxFor(pending.creditInvoiceId);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ financeEmail: brand.financeEmail });
  });

  it("addresses later notices to a brand's new finance contact when it registers again", async () => {
    const brand = await registerBrand({ financeEmail: 'old@acme.test' });
    await broker.publish(BrandRegisteredEvent, {
      ...brand,
      name: 'Acme Films',
      financeEmail: 'new@acme.test',
    });
    await eventually(async () => {
      const { rows } = await db.query(
        'select name, finance_email from billing_profile where brand_id = $1',
        [brand.brandId],
      );
      expect(rows).toEqual([{ name: 'Acme Films', finance_email: 'new@acme.test' }]);
    });
    const { pending } = depositLife(brand.brandId);
    await broker.publish(DepositPendingEvent, pending);
    await invoiceOf(brand.brandId, pending.creditInvoiceId);
    const events = await outboxFor(pending.creditInvoiceId);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      brandName: 'Acme Films',
      financeEmail: 'new@acme.test',
    });
  });
});

describe('listing and reading credit invoices', () => {
  let brand: BrandRegistered;
  const ids: string[] = []; // newest first

  beforeAll(async () => {
    brand = await registerBrand();
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const lives = Array.from({ length: 5 }, (_, i) =>
      depositLife(brand.brandId, 1_000 + i, new Date(start + i * 1_000)),
    );
    for (const life of lives) await broker.publish(DepositPendingEvent, life.pending);
    // two of them paid
    await broker.publish(DepositClearedEvent, lives[1].cleared);
    await broker.publish(DepositClearedEvent, lives[3].cleared);
    await eventually(async () => {
      const { rows } = await db.query(
        `select count(*)::int as n from credit_invoice where brand_id = $1 and status = 'paid'`,
        [brand.brandId],
      );
      const all = await db.query(
        `select count(*)::int as n from credit_invoice where brand_id = $1`,
        [brand.brandId],
      );
      expect([rows[0].n, all.rows[0].n]).toEqual([2, 5]);
    });
    ids.push(...lives.map((l) => l.pending.creditInvoiceId).reverse());
  });

  it('pages newest first with a cursor until the end', async () => {
    const first = await list(brand.brandId, { limit: 2 });
    expect(first.data.map((i) => i.id)).toEqual(ids.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(brand.brandId, { limit: 2, cursor: first.nextCursor! });
    expect(second.data.map((i) => i.id)).toEqual(ids.slice(2, 4));
    const third = await list(brand.brandId, { limit: 2, cursor: second.nextCursor! });
    expect(third.data.map((i) => i.id)).toEqual(ids.slice(4));
    expect(third.nextCursor).toBeNull();
  });

  it('filters by status', async () => {
    const paid = await list(brand.brandId, { status: 'paid' });
    expect(paid.data.map((i) => i.id)).toEqual([ids[1], ids[3]]);
    const unpaid = await list(brand.brandId, { status: 'unpaid', limit: 2 });
    expect(unpaid.data.map((i) => i.id)).toEqual([ids[0], ids[2]]);
    const rest = await list(brand.brandId, {
      status: 'unpaid',
      limit: 2,
      cursor: unpaid.nextCursor!,
    });
    expect(rest).toEqual({ data: [expect.objectContaining({ id: ids[4] })], nextCursor: null });
    expect(await list(brand.brandId, { status: 'void' })).toEqual({ data: [], nextCursor: null });
  });

  it("answers not_found for another brand's invoice and lists none of it", async () => {
    const other = await registerBrand();
    expect((await rpcError(get(other.brandId, ids[0]))).code).toBe('not_found');
    expect(await list(other.brandId)).toEqual({ data: [], nextCursor: null });
    expect((await rpcError(get(brand.brandId, randomUUID()))).code).toBe('not_found');
  });

  it('rejects a bad status filter, a forged cursor and a limit over the maximum', async () => {
    const badStatus = await rpcError(list(brand.brandId, { status: 'overdue' as never }));
    expect(badStatus.code).toBe('validation_failed');
    expect(badStatus.extra.errors?.[0].field).toBe('status');
    expect((await rpcError(list(brand.brandId, { cursor: 'not-a-cursor' }))).code).toBe(
      'validation_failed',
    );
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x'])).toString(
      'base64url',
    );
    expect((await rpcError(list(brand.brandId, { cursor: forged }))).code).toBe(
      'validation_failed',
    );
    expect((await rpcError(list(brand.brandId, { limit: 201 }))).code).toBe('validation_failed');
  });

  it('refuses actors that are not brand members, or brand members without a brand', async () => {
    const creator: Actor = { userId: randomUUID(), role: 'creator', creatorId: randomUUID() };
    const ops: Actor = { userId: randomUUID(), role: 'ops' };
    // A brand member's actor without its brand is refused, never answered with some brand's data.
    const brandless: Actor = { userId: randomUUID(), role: 'brand', currency: 'USD' };
    for (const actor of [creator, ops, brandless]) {
      expect((await rpcError(broker.rpc.call(ListCreditInvoicesRpc, { actor }))).code).toBe(
        'forbidden',
      );
      expect(
        (await rpcError(broker.rpc.call(GetCreditInvoiceRpc, { actor, creditInvoiceId: ids[0] })))
          .code,
      ).toBe('forbidden');
    }
  });
});
