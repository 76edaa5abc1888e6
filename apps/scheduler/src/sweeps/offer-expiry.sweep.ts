import { Injectable } from '@nestjs/common';
import { DueOffersRpc } from '@glimmer/contracts/network/offer.messages';
import { RpcClient } from '@glimmer/messaging/rpc-client';
import { EnqueueResult } from '../jobs/job-queue.service';
import { OfferExpiryScheduler } from '../offer-expiry/offer-expiry.scheduler';

/** Offers per run; the rest come in the next runs (an expired offer leaves the list). */
const LIMIT = 500;

export interface OfferExpirySweepResult {
  due: number;
  expiry: Partial<Record<EnqueueResult, number>>;
}

/**
 * Asks creator-network for still-`sent` offers past their due date and makes sure each has its
 * expiry job (the same deterministic id as the event's, due at once): an expiry lost with Redis,
 * or one whose job gave up, is redone. Such an offer already reads as expired; this makes its
 * stored status say so too.
 */
@Injectable()
export class OfferExpirySweep {
  constructor(
    private readonly rpc: RpcClient,
    private readonly expiry: OfferExpiryScheduler,
  ) {}

  async run(): Promise<OfferExpirySweepResult> {
    const { data } = await this.rpc.call(DueOffersRpc, { limit: LIMIT });
    const result: OfferExpirySweepResult = { due: data.length, expiry: {} };
    for (const offer of data) {
      const added = await this.expiry.scheduleExpiry(offer, { reviveFailed: true });
      result.expiry[added] = (result.expiry[added] ?? 0) + 1;
    }
    return result;
  }
}
