import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { requireOps } from '@glimmer/contracts/actor';
import type { PayoutView, RetryPayoutRequest } from '@glimmer/contracts/payout/payout.messages';
import { DomainError, notFound } from '@glimmer/errors/domain-error';
import { utcDate } from './payout-schedule';
import { PayoutEvents } from './payout-events';
import { toPayoutView } from './payout-views';
import { PayoutRepository } from './payout.repository';

/**
 * Ops moves a flagged payout on: one more attempt, due now (attempts are kept, so the provider
 * key is new and the history stays true).
 */
@Injectable()
export class RetryPayout {
  constructor(
    private readonly orm: MikroORM,
    private readonly payouts: PayoutRepository,
    private readonly events: PayoutEvents,
  ) {}

  execute({ actor, payoutId }: RetryPayoutRequest): Promise<PayoutView> {
    requireOps(actor);
    return this.orm.em.fork().transactional(async (em) => {
      const current = await this.payouts.lock(em, payoutId);
      if (!current) throw notFound(`payout ${payoutId}`);
      if (current.status !== 'needs_attention') {
        throw new DomainError(
          'payout_not_retryable',
          `payout ${payoutId} is ${current.status}; only a payout that needs attention can be retried`,
          { meta: { status: current.status } },
        );
      }
      const lastError = current.lastError;
      const now = new Date();
      const scheduled = await this.payouts.schedule(
        em,
        payoutId,
        'needs_attention',
        { methodId: null, dispatchAt: now, expectedDate: utcDate(now) },
        now,
      );
      await this.events.scheduled(em, scheduled!, lastError);
      return toPayoutView(scheduled!);
    });
  }
}
