import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Party } from '@glimmer/contracts/actor';
import type { OfferView } from '@glimmer/contracts/network/offer.messages';
import { notFound } from '@glimmer/errors/domain-error';
import { notOpen, toOfferView } from './offer-views';
import { OfferRepository } from './offer.repository';

export interface CloseOfferCommand {
  party: Party;
  offerId: string;
  to: 'declined' | 'withdrawn';
}

/**
 * Declining (the creator) or withdrawing (the brand) an open offer; repeating the same decision
 * answers the same offer. DeclineOffer and WithdrawOffer check who asks, then run this.
 */
@Injectable()
export class CloseOffer {
  constructor(
    private readonly orm: MikroORM,
    private readonly offers: OfferRepository,
  ) {}

  execute({ party, offerId, to }: CloseOfferCommand): Promise<OfferView> {
    return this.orm.em.fork().transactional(async (em) => {
      const offer = await this.offers.get(em, party, offerId, true);
      if (!offer) throw notFound('offer');
      // Neither closed state has a project: only acceptance starts one.
      if (offer.status === to) return toOfferView(offer, null);
      if (offer.status !== 'sent') throw notOpen(offer);
      await this.offers.decide(em, offer, to);
      return toOfferView(offer, null);
    });
  }
}
