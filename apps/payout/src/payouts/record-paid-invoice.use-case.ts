import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { ProjectInvoicePaid } from '@glimmer/contracts/invoicing/project-invoice.events';
import { CreatorRepository } from '../creators/creator.repository';
import { dueByOf, firstDispatchAt, utcDate } from './payout-schedule';
import { creatorNotKnownYet, PayoutEvents } from './payout-events';
import { PayoutRepository } from './payout.repository';
import { PayoutTiming, SCHEDULE_RULES } from './schedule-rules';

export type RecordOutcome = 'scheduled' | 'needs_method' | 'duplicate';

/**
 * A project invoice was paid: its creator is owed a payout. With a preferred method it is
 * scheduled (first attempt after the dispatch hold, due within PAYOUT_MAX_DAYS); without one it
 * waits in needs_method and the creator is asked to add one. One payout per invoice, however
 * often the event arrives.
 */
@Injectable()
export class RecordPaidInvoice {
  constructor(
    private readonly payouts: PayoutRepository,
    private readonly creators: CreatorRepository,
    private readonly events: PayoutEvents,
    @Inject(SCHEDULE_RULES) private readonly timing: PayoutTiming,
  ) {}

  /**
   * `em` is the consumer's transaction (InboxService.runOnce), which already holds the
   * creator's method lock (`creatorMethodsLock`, declared by InvoicePaidEvents and taken by the
   * inbox batch before any message runs). The lock serialises this with a method being added,
   * so the payout either sees the method or is seen (and scheduled) by the transaction adding
   * it — never left waiting beside a method.
   */
  async execute(em: EntityManager, p: ProjectInvoicePaid): Promise<RecordOutcome> {
    const payee = await this.creators.findWithPreferredMethod(em, p.creatorId);
    // Unknown creator: a retryable error rolls this back and the message comes again later.
    if (!payee) throw creatorNotKnownYet(p.creatorId);
    const methodId = payee.preferredMethodId;
    const now = new Date();
    const invoicePaidAt = new Date(p.paidAt);
    const dispatchAt = methodId ? firstDispatchAt(invoicePaidAt, now, this.timing) : null;
    const payout = await this.payouts.insertIfAbsent(
      em,
      {
        id: randomUUID(),
        invoiceId: p.invoiceId,
        projectId: p.projectId,
        projectTitle: p.title,
        brandId: p.brandId,
        creatorId: p.creatorId,
        amount: p.amount,
        currency: p.currency,
        status: methodId ? 'scheduled' : 'needs_method',
        payoutMethodId: methodId,
        invoicePaidAt,
        dueBy: dueByOf(invoicePaidAt, this.timing),
        dispatchAt,
        expectedDate: dispatchAt ? utcDate(dispatchAt) : null,
      },
      now,
    );
    if (!payout) return 'duplicate';
    if (methodId) await this.events.scheduled(em, payout);
    else await this.events.needsMethod(em, payout);
    return payout.status === 'scheduled' ? 'scheduled' : 'needs_method';
  }
}
