import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProjectInvoiceIssuedEvent } from '@glimmer/contracts/invoicing/project-invoice.events';
import type { ProjectCompleted } from '@glimmer/contracts/network/network.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { amountProblem } from '@glimmer/money/money';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { BillingProfileRepository } from '../billing-profiles/billing-profile.repository';
import { ProjectInvoiceRepository } from './project-invoice.repository';

export type IssueOutcome = 'issued' | 'already_issued';

/**
 * Issues the invoice of a project both parties completed: unpaid, for the fee, payable from the
 * offer's cost code; the finance contact's notice goes to the outbox in the same transaction.
 * A project has one invoice whatever arrives twice (the unique project id).
 */
@Injectable()
export class IssueProjectInvoice {
  constructor(
    private readonly invoices: ProjectInvoiceRepository,
    private readonly profiles: BillingProfileRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** `em` is the consumer's transaction (InboxService.runOnce). */
  async execute(em: EntityManager, p: ProjectCompleted): Promise<IssueOutcome> {
    const feeProblem = amountProblem(p.fee);
    if (feeProblem) {
      // A client error: parked for ops at once, no retry can fix it.
      throw new DomainError('validation_failed', `project ${p.projectId}: fee ${feeProblem}`);
    }
    const profile = await this.profiles.find(em, p.brandId);
    if (!profile) {
      // Rolls back; the transport retries the message later (bounded), by which time the
      // brand's registration has normally been consumed.
      throw new DomainError(
        'dependency_unavailable',
        `no billing profile for brand ${p.brandId} yet; project ${p.projectId} will be retried`,
      );
    }
    const invoice = await this.invoices.insertIfAbsent(em, p);
    if (!invoice) return 'already_issued';
    await this.invoices.attach(em, invoice.id, invoice.costCodeId);
    await this.outbox.add(em, ProjectInvoiceIssuedEvent, {
      invoiceId: invoice.id,
      projectId: invoice.projectId,
      brandId: invoice.brandId,
      brandName: profile.name,
      financeEmail: profile.financeEmail,
      title: invoice.title,
      costCodeId: invoice.costCodeId,
      storyCode: invoice.storyCode,
      amount: invoice.amount,
      currency: invoice.currency,
      issuedAt: invoice.issuedAt.toISOString(),
    });
    return 'issued';
  }
}
