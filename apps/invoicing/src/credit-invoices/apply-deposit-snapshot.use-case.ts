import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DepositSnapshot } from '@glimmer/contracts/credit/deposit.events';
import { DomainError } from '@glimmer/errors/domain-error';
import { OutboxService } from '@glimmer/messaging/outbox/outbox.service';
import { BillingProfileRepository } from '../billing-profiles/billing-profile.repository';
import { invoiceFromDeposit, noticesFor, toNotice } from './credit-invoice';
import { CreditInvoiceRepository } from './credit-invoice.repository';

export type ApplyOutcome = 'created' | 'updated' | 'stale';

/**
 * Brings a credit invoice up to a deposit snapshot. Snapshots may arrive in any order and more
 * than once: the invoice keeps the highest deposit version it has seen, and the events for the
 * finance contact are written to the outbox in the same transaction, only on a real change.
 */
@Injectable()
export class ApplyDepositSnapshot {
  constructor(
    private readonly invoices: CreditInvoiceRepository,
    private readonly profiles: BillingProfileRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** `em` is the consumer's transaction (InboxService.runOnce). */
  async execute(em: EntityManager, snapshot: DepositSnapshot): Promise<ApplyOutcome> {
    const next = invoiceFromDeposit(snapshot);
    let notices: ReturnType<typeof noticesFor>;
    let outcome: ApplyOutcome;
    if (await this.invoices.insertIfAbsent(em, next)) {
      notices = noticesFor(null, next);
      outcome = 'created';
    } else {
      const before = await this.invoices.lock(em, next.id);
      if (!before)
        throw new DomainError('internal', `credit invoice ${next.id} vanished while locked`);
      if (before.depositId !== next.depositId || before.brandId !== next.brandId) {
        // Never rewrite an invoice with another deposit's data; park the message for ops.
        throw new DomainError(
          'validation_failed',
          `credit invoice ${next.id} belongs to deposit ${before.depositId}, not ${next.depositId}`,
        );
      }
      if (before.version >= next.version) return 'stale';
      // Decided on the stored state, before it is replaced.
      notices = noticesFor(before, next);
      outcome = 'updated';
      await this.invoices.updateState(em, before, next);
    }

    if (notices.length > 0) {
      const profile = await this.profiles.find(em, next.brandId);
      if (!profile) {
        // Rolls the change back; the transport retries the message later (bounded), by which
        // time the brand's registration has normally been consumed.
        throw new DomainError(
          'dependency_unavailable',
          `no billing profile for brand ${next.brandId} yet; credit invoice ${next.id} will be retried`,
        );
      }
      for (const contract of notices) await this.outbox.add(em, contract, toNotice(next, profile));
    }
    return outcome;
  }
}
