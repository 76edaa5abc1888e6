import { randomUUID } from 'node:crypto';
import type { Actor } from '@glimmer/contracts/actor';
import type { ProjectInvoicePaid } from '@glimmer/contracts/invoicing/project-invoice.events';
import { ProjectInvoicePaidEvent } from '@glimmer/contracts/invoicing/project-invoice.events';
import { CreatorJoinedEvent } from '@glimmer/contracts/network/network.events';
import { AddPayoutMethodRpc } from '@glimmer/contracts/payout/payout-method.messages';
import { DispatchPayoutResult, DispatchPayoutRpc } from '@glimmer/contracts/payout/payout.messages';
import { eventually } from '@glimmer/testing/eventually';
import { ServiceTestApp } from '@glimmer/testing/service-test-app';
import { applyEnv } from '@glimmer/testing/test-env';
import type { CreatorActor } from '@glimmer/contracts/actor';
import { PayoutConfig, payoutConfigSchema, payoutDatabase } from '../payout.config';
import { PayoutModule } from '../payout.module';

/**
 * A payout row as the tests read it straight from the database (SQL on purpose: assertions on
 * what is stored, independent of the entities and repositories under test).
 */
export interface PayoutRow {
  id: string;
  invoice_id: string;
  creator_id: string;
  status: string;
  attempts: number;
  dispatch_at: Date | null;
  due_by: Date;
  invoice_paid_at: Date;
  expected_date: string | null;
  last_error: string | null;
  provider_reference: string | null;
  paid_at: Date | null;
  updated_at: Date;
}

/**
 * The real payout service in-process against its own database and broker names, called over
 * RabbitMQ as the gateway and the scheduler call it, plus SQL helpers for assertions (the
 * outbox stands in for the events the scheduler would receive).
 */
export class PayoutTestApp extends ServiceTestApp<PayoutConfig> {
  /** `overrides`: PAYOUT_* settings for this file (small attempts and delays, failure rate). */
  static async start(label: string, overrides: Record<string, string> = {}) {
    const restore = applyEnv(overrides);
    try {
      return new PayoutTestApp(
        await ServiceTestApp.launch(label, {
          service: 'payout',
          configSchema: payoutConfigSchema,
          database: payoutDatabase,
          module: (config) => PayoutModule.forRoot(config),
        }),
      );
    } finally {
      restore();
    }
  }

  /** A creator known to the payout service (network.creator.joined consumed). */
  async joinedCreator(name = 'Cleo Creator'): Promise<CreatorActor> {
    const creatorId = randomUUID();
    const email = `c-${creatorId.slice(0, 8)}@creator.test`;
    await this.broker.publish(CreatorJoinedEvent, {
      brandId: randomUUID(),
      brandName: 'Acme Studios',
      creatorId,
      creatorName: name,
      creatorEmail: email,
      inviteId: randomUUID(),
      notifyEmail: null,
      joinedAt: new Date().toISOString(),
    });
    await eventually(async () =>
      expect(await this.sql('select 1 from creator where id = $1', [creatorId])).toHaveLength(1),
    );
    return { userId: randomUUID(), role: 'creator', creatorId, email };
  }

  async addPayoneer(actor: Actor, email = 'payee@example.com') {
    return this.call(AddPayoutMethodRpc, {
      actor,
      type: 'payoneer',
      country: 'GB',
      details: { email },
    });
  }

  invoicePaid(creatorId: string, over: Partial<ProjectInvoicePaid> = {}): ProjectInvoicePaid {
    return {
      invoiceId: randomUUID(),
      projectId: randomUUID(),
      brandId: randomUUID(),
      creatorId,
      title: 'Spring campaign video',
      amount: 120_000,
      currency: 'USD',
      paidAt: new Date().toISOString(),
      ...over,
    };
  }

  /** Publishes the invoice-paid event and waits for its payout. */
  async payoutFor(event: ProjectInvoicePaid, messageId?: string): Promise<PayoutRow> {
    await this.broker.publish(ProjectInvoicePaidEvent, event, messageId);
    return eventually(async () => {
      const [row] = await this.payoutOfInvoice(event.invoiceId);
      expect(row).toBeDefined();
      return row;
    });
  }

  payoutOfInvoice(invoiceId: string): Promise<PayoutRow[]> {
    return this.sql<PayoutRow>(
      `select *, to_char(expected_date, 'YYYY-MM-DD') as expected_date from payout
       where invoice_id = $1`,
      [invoiceId],
    );
  }

  async payout(id: string): Promise<PayoutRow> {
    const [row] = await this.sql<PayoutRow>(
      `select *, to_char(expected_date, 'YYYY-MM-DD') as expected_date from payout where id = $1`,
      [id],
    );
    return row;
  }

  /** Dispatches an attempt as its delayed job would: once it is due. */
  dispatchWhenDue(payoutId: string, attempt: number): Promise<DispatchPayoutResult> {
    return eventually(async () => {
      const result = await this.call(DispatchPayoutRpc, { payoutId, attempt });
      expect(result.skipped).not.toBe('not_due');
      return result;
    });
  }

  /** Payout events in the outbox for one payout, oldest first. */
  async eventsOf(payoutId: string, pattern?: string) {
    return this.sql<{ pattern: string; payload: Record<string, unknown> }>(
      `select pattern, payload from outbox_message
       where payload->>'payoutId' = $1 and ($2::text is null or pattern = $2) order by seq`,
      [payoutId, pattern ?? null],
    );
  }

  transfers(payoutId: string) {
    return this.sql<{ idempotency_key: string; outcome: string; reference: string | null }>(
      `select idempotency_key, outcome, reference from sandbox_provider_transfer
       where payout_id = $1 order by created_at`,
      [payoutId],
    );
  }
}
