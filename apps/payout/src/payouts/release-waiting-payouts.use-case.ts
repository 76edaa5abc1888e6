import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { firstDispatchAt, utcDate } from './payout-schedule';
import { PayoutEvents } from './payout-events';
import { PayoutRepository } from './payout.repository';
import { PayoutTiming, SCHEDULE_RULES } from './schedule-rules';

/**
 * A creator added a payout method: every payout that waited for one is scheduled, in the
 * transaction that added the method (so none is left waiting, and none is scheduled twice).
 */
@Injectable()
export class ReleaseWaitingPayouts {
  constructor(
    private readonly payouts: PayoutRepository,
    private readonly events: PayoutEvents,
    @Inject(SCHEDULE_RULES) private readonly timing: PayoutTiming,
  ) {}

  /** `em` is the adding transaction. Returns how many payouts were scheduled. */
  async execute(
    em: EntityManager,
    { creatorId, methodId }: { creatorId: string; methodId: string },
  ): Promise<number> {
    const waiting = await this.payouts.lockNeedingMethod(em, creatorId);
    const now = new Date();
    for (const p of waiting) {
      const dispatchAt = firstDispatchAt(p.invoicePaidAt, now, this.timing);
      const scheduled = await this.payouts.schedule(
        em,
        p.id,
        'needs_method',
        { methodId, dispatchAt, expectedDate: utcDate(dispatchAt) },
        now,
      );
      if (scheduled) await this.events.scheduled(em, scheduled);
    }
    return waiting.length;
  }
}
