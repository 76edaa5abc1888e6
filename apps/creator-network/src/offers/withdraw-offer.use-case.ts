import { Injectable } from '@nestjs/common';
import { type Actor, requireBrand } from '@glimmer/contracts/actor';
import type { OfferView } from '@glimmer/contracts/network/offer.messages';
import { CloseOffer } from './close-offer.use-case';

export interface WithdrawOfferCommand {
  actor: Actor;
  offerId: string;
}

/** The brand withdraws an open offer it made. */
@Injectable()
export class WithdrawOffer {
  constructor(private readonly close: CloseOffer) {}

  execute({ actor, offerId }: WithdrawOfferCommand): Promise<OfferView> {
    const { brandId } = requireBrand(actor);
    return this.close.execute({ party: { kind: 'brand', brandId }, offerId, to: 'withdrawn' });
  }
}
