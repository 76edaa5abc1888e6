import { Controller } from '@nestjs/common';
import {
  AcceptedOffer,
  AcceptOfferRequest,
  AcceptOfferRpc,
  CreateOfferRequest,
  CreateOfferRpc,
  DeclineOfferRpc,
  DueOffer,
  DueOffersRequest,
  DueOffersRpc,
  ExpireOfferRequest,
  ExpireOfferRpc,
  GetOfferRpc,
  ListOffersRequest,
  ListOffersRpc,
  OfferDetail,
  OfferIdRequest,
  OfferView,
  WithdrawOfferRpc,
} from '@glimmer/contracts/network/offer.messages';
import type { Page } from '@glimmer/contracts/page';
import { OnRpc } from '@glimmer/messaging/handlers';
import { AcceptOffer } from './accept-offer.use-case';
import { CreateOffer } from './create-offer.use-case';
import { DeclineOffer } from './decline-offer.use-case';
import { ExpireOffer } from './expire-offer.use-case';
import { OfferQueries } from './offer.queries';
import { WithdrawOffer } from './withdraw-offer.use-case';

@Controller()
export class OffersRpc {
  constructor(
    private readonly queries: OfferQueries,
    private readonly createOffer: CreateOffer,
    private readonly acceptOffer: AcceptOffer,
    private readonly declineOffer: DeclineOffer,
    private readonly withdrawOffer: WithdrawOffer,
    private readonly expireOffer: ExpireOffer,
  ) {}

  @OnRpc(CreateOfferRpc)
  create(req: CreateOfferRequest): Promise<OfferView> {
    const { creatorId, title, brief, fee, dueDate, costCodeId, storyCode } = req;
    return this.createOffer.execute({
      actor: req.actor,
      offer: { creatorId, title, brief, fee, dueDate, costCodeId, storyCode },
      idempotencyKey: req.idempotencyKey,
    });
  }

  @OnRpc(ListOffersRpc)
  list(req: ListOffersRequest): Promise<Page<OfferView>> {
    return this.queries.list(req.actor, req);
  }

  @OnRpc(GetOfferRpc)
  get(req: OfferIdRequest): Promise<OfferDetail> {
    return this.queries.get(req.actor, req.offerId);
  }

  @OnRpc(AcceptOfferRpc)
  accept(req: AcceptOfferRequest): Promise<AcceptedOffer> {
    return this.acceptOffer.execute(req);
  }

  @OnRpc(DeclineOfferRpc)
  decline(req: OfferIdRequest): Promise<OfferView> {
    return this.declineOffer.execute({ actor: req.actor, offerId: req.offerId });
  }

  @OnRpc(WithdrawOfferRpc)
  withdraw(req: OfferIdRequest): Promise<OfferView> {
    return this.withdrawOffer.execute({ actor: req.actor, offerId: req.offerId });
  }

  @OnRpc(DueOffersRpc)
  async due(req: DueOffersRequest): Promise<{ data: DueOffer[] }> {
    return { data: await this.queries.due(req.limit) };
  }

  @OnRpc(ExpireOfferRpc)
  expire(req: ExpireOfferRequest): Promise<OfferView> {
    return this.expireOffer.execute({ offerId: req.offerId });
  }
}
