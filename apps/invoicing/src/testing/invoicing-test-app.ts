import { randomUUID } from 'node:crypto';
import type { BrandActor } from '@glimmer/contracts/actor';
import { BrandRegisteredEvent } from '@glimmer/contracts/identity/brand-registered.event';
import {
  GetProjectInvoiceRpc,
  ProjectInvoiceView,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { ProjectCompleted, ProjectCompletedEvent } from '@glimmer/contracts/network/network.events';
import { eventually } from '@glimmer/testing/eventually';
import { LaunchOptions, ServiceTestApp } from '@glimmer/testing/service-test-app';
import { InvoicingConfig, invoicingConfigSchema, invoicingDatabase } from '../invoicing.config';
import { InvoicingModule } from '../invoicing.module';

/**
 * The real invoicing service in-process against its own database and broker names, called
 * over RabbitMQ as the gateway calls it. Pass a credit test app's `env` to run beside it, so
 * credit answers invoicing's RPCs. Brands and projects arrive as the events that announce them.
 */
export class InvoicingTestApp extends ServiceTestApp<InvoicingConfig> {
  static async start(label: string, options: LaunchOptions = {}): Promise<InvoicingTestApp> {
    return new InvoicingTestApp(
      await ServiceTestApp.launch(
        label,
        {
          service: 'invoicing',
          configSchema: invoicingConfigSchema,
          database: invoicingDatabase,
          module: (config) => InvoicingModule.forRoot(config),
        },
        options,
      ),
    );
  }

  /** The brand's registration, as the gateway publishes it; resolves once invoicing has it. */
  async registerBrand(actor: BrandActor, financeEmail = 'finance@brand.test'): Promise<void> {
    await this.broker.publish(BrandRegisteredEvent, {
      brandId: actor.brandId,
      name: 'Acme Studios',
      currency: actor.currency,
      financeEmail,
      adminUserId: actor.userId,
      adminEmail: actor.email ?? 'admin@brand.test',
      adminName: 'Ada Admin',
    });
    await eventually(async () => {
      const rows = await this.sql(`select 1 from billing_profile where brand_id = $1`, [
        actor.brandId,
      ]);
      if (rows.length !== 1) throw new Error(`no billing profile for ${actor.brandId} yet`);
    });
  }

  /** A project of the brand completed by both parties, as creator-network announces it. */
  projectCompleted(
    actor: BrandActor,
    costCodeId: string,
    over: Partial<ProjectCompleted> = {},
  ): ProjectCompleted {
    return {
      projectId: randomUUID(),
      brandId: actor.brandId,
      creatorId: randomUUID(),
      fee: 10_000,
      currency: actor.currency,
      costCodeId,
      storyCode: 'STORY-1',
      title: 'Spring campaign video',
      completedAt: new Date().toISOString(),
      ...over,
    };
  }

  /** Publishes the completion and waits for its invoice. */
  async issue(actor: BrandActor, completed: ProjectCompleted): Promise<ProjectInvoiceView> {
    await this.broker.publish(ProjectCompletedEvent, completed);
    return this.invoiceOf(actor, completed.projectId);
  }

  async invoiceOf(actor: BrandActor, projectId: string): Promise<ProjectInvoiceView> {
    const [row] = await eventually(async () => {
      const rows = await this.sql<{ id: string }>(
        `select id from project_invoice where project_id = $1`,
        [projectId],
      );
      if (rows.length !== 1) throw new Error(`no invoice for project ${projectId} yet`);
      return rows;
    });
    return this.call(GetProjectInvoiceRpc, { actor, invoiceId: row.id });
  }

  /** Events recorded in the outbox for one invoice, oldest first. */
  async eventsFor(
    invoiceId: string,
  ): Promise<{ pattern: string; payload: Record<string, unknown> }[]> {
    return this.sql(
      `select pattern, payload from outbox_message where payload->>'invoiceId' = $1 order by seq`,
      [invoiceId],
    );
  }

  /** The invoice's stored money columns, reservations included. */
  async amounts(invoiceId: string): Promise<{ paid: number; reserved: number; status: string }> {
    const [row] = await this.sql<{ amount_paid: string; amount_reserved: string; status: string }>(
      `select amount_paid, amount_reserved, status from project_invoice where id = $1`,
      [invoiceId],
    );
    return {
      paid: Number(row.amount_paid),
      reserved: Number(row.amount_reserved),
      status: row.status,
    };
  }
}
