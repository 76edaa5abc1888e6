import { Injectable } from '@nestjs/common';
import { type Actor, requireCreator } from '@glimmer/contracts/actor';
import type { OfferView } from '@glimmer/contracts/network/offer.messages';
import { CloseOffer } from './close-offer.use-case';

export interface DeclineOfferCommand {
  actor: Actor;
  offerId: string;
}

/** The creator declines an open offer made to them. */
@Injectable()
export class DeclineOffer {
  constructor(private readonly close: CloseOffer) {}

  execute({ actor, offerId }: DeclineOfferCommand): Promise<OfferView> {
    const { creatorId } = requireCreator(actor);
    return this.close.execute({ party: { kind: 'creator', creatorId }, offerId, to: 'declined' });
  }
}
